package com.cloudbees.groovy.cps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Jenkins' {@code @NonCPS} (from the Pipeline: Groovy plugin, which Jenkins imports
 * into every pipeline script), so that the shared library compiles on plain Groovy in tests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NonCPS {
}
