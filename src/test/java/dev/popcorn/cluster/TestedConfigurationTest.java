package dev.popcorn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows operators the HAProxy configuration ClusterIT runs, word for word: they cannot drift apart. */
class TestedConfigurationTest {

    @Test
    void theReadmeShowsTheHaproxyConfigurationTheClusterTestRuns() throws IOException {
        String tested;
        try (InputStream in = TestedConfigurationTest.class.getResourceAsStream(Balancer.CONFIG)) {
            tested = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Several instances"), readme.indexOf("## Documentation"));
        assertThat(section).contains("```\n" + tested + "```\n");
        // What the retries rest on is in it: POSTs never repeated, health checked, a dead instance's request redispatched.
        assertThat(tested).contains("http-request disable-l7-retry if METH_POST", "option httpchk GET /api/health",
                "option redispatch", "retry-on conn-failure empty-response");
    }
}
