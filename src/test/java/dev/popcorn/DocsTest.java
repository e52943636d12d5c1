package dev.popcorn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs check themselves (issue 30): every ADR says its status, every relative link leads to a file, the
 * decisions table in {@code docs/architecture.md} lists every ADR once and in order, and every class (and member)
 * the architecture page and the ADRs name in backticks exists in the sources. Docs that drift from the code are
 * worse than none: a reader trusts them.
 */
class DocsTest {

    private static final Path ADRS = Path.of("docs", "adr");
    private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
    private static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));

    /**
     * The status line, one rule for every ADR: within the first five lines, {@code Date: yyyy-mm-dd · Status: <word>…},
     * the word one of these. What follows (amended by, builds on) is free text, its links checked like any other.
     */
    private static final Pattern STATUS = Pattern.compile(
            "(?m)^Date: \\d{4}-\\d{2}-\\d{2} · Status: (proposed|accepted|rejected|deprecated|superseded by)\\b");

    /**
     * What counts as a class reference: a whole code span that is a capitalised camel-case name (a capital, then a
     * lower-case letter: {@code V11}, {@code POPCORN_*} or {@code PRODUCT.md} are not classes), optionally after a
     * package path ({@code web/LeadDesk}, {@code app.outbox.Outbox}), optionally followed by members
     * ({@code Class.method}, {@code Class#method}, {@code Class.Nested}, {@code Enum.CONSTANT}) and an argument list.
     */
    private static final Pattern CLASS_REFERENCE = Pattern.compile(
            "((?:[a-z][a-z0-9]*[./])*)([A-Z][a-z][A-Za-z0-9]*)((?:[.#][A-Za-z][A-Za-z0-9]*)*)(?:\\(.*\\))?");

    /**
     * Names in backticks that are classes, but not ours: the JDK's and the libraries' types the docs speak of
     * where their name says more than a description would.
     */
    private static final Set<String> NOT_OURS = Set.of("Clock");

    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| \\[(\\d{4})\\]\\((adr/[^)]+)\\) \\|");

    /** Every Java source's text by its path relative to its source root, e.g. {@code dev/popcorn/web/LeadDesk.java}. */
    private static Map<String, String> sources;
    /** The sources declaring each type name, as a file of its own or nested. */
    private static final Map<String, Set<String>> typesByName = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        sources = new TreeMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    sources.put(name, text);
                    Matcher type = TYPE.matcher(text);
                    while (type.find()) {
                        typesByName.computeIfAbsent(type.group(1), n -> new TreeSet<>()).add(name);
                    }
                    typesByName
                            .computeIfAbsent(file.getFileName().toString().replace(".java", ""), n -> new TreeSet<>())
                            .add(name);
                }
            }
        }
    }

    @Test
    void everyAdrSaysItsStatusInItsFirstLines() {
        List<String> without = adrs().stream()
                .filter(adr -> !STATUS.matcher(firstLines(adr, 5)).find())
                .map(adr -> adr.getFileName().toString())
                .toList();
        assertThat(without).as("ADRs without a 'Date: … · Status: accepted|proposed|…' line in their first 5 lines")
                .isEmpty();
    }

    /** An ADR that amends or refines another is named in that one's status, so a reader of the older one finds it. */
    @Test
    void anAmendedAdrSaysByWhich() {
        Map<String, String> statusByNumber = new TreeMap<>();
        adrs().forEach(adr -> statusByNumber.put(adr.getFileName().toString().substring(0, 4), statusBlock(adr)));
        Set<String> unmarked = new TreeSet<>();
        statusByNumber.forEach((number, status) -> {
            for (String part : status.split("·|;")) {
                Matcher amends = Pattern.compile("(?i)\\b(amends|refines)\\b(.*)").matcher(part);
                if (!amends.find()) {
                    continue;
                }
                Matcher older = Pattern.compile("(?<![\\d-])(\\d{4})(?![\\d-]\\d)").matcher(amends.group(2));
                while (older.find()) {
                    String theirs = statusByNumber.getOrDefault(older.group(1), "");
                    if (!theirs.matches("(?s).*amended.*" + number + ".*")) {
                        unmarked.add(older.group(1) + " (amended by " + number + ")");
                    }
                }
            }
        });
        assertThat(unmarked).as("ADRs whose status does not say 'amended … by' the ADR that amends them").isEmpty();
    }

    @Test
    void everyRelativeLinkLeadsToAFile() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        pages.addAll(adrs());
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(prose(read(page)));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // another site, or an anchor on the same page
                }
                String file = target.replaceAll("[#?].*", "");
                Path resolved = page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + " → " + target);
                }
            }
        }
        assertThat(broken).as("relative links to files that do not exist").isEmpty();
    }

    @Test
    void theDecisionsTableListsEveryAdrOnceInOrder() {
        List<String> files = adrs().stream().map(adr -> "adr/" + adr.getFileName()).toList();
        List<String> listed = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(read(ARCHITECTURE));
        while (row.find()) {
            assertThat(row.group(2)).as("the table's row " + row.group(1) + " links its own ADR")
                    .startsWith("adr/" + row.group(1) + "-");
            listed.add(row.group(2));
        }
        assertThat(listed).as("the ADR table in docs/architecture.md, against docs/adr/")
                .containsExactlyElementsOf(files);
    }

    /**
     * Every class reference on the architecture page; in the ADRs, those with a package path only: an ADR weighs
     * other people's classes too (Jenkins' {@code Notifier}, Discourse's controllers, the JDK's), and a path says
     * the name is ours.
     */
    @Test
    void everyClassTheDocsNameExists() {
        List<Path> pages = new ArrayList<>();
        pages.add(ARCHITECTURE);
        pages.addAll(adrs());
        Set<String> missing = new TreeSet<>();
        for (Path page : pages) {
            boolean qualifiedOnly = !page.equals(ARCHITECTURE);
            Matcher span = CODE_SPAN.matcher(read(page));
            while (span.find()) {
                Matcher reference = CLASS_REFERENCE.matcher(span.group(1).trim());
                if (reference.matches() && !NOT_OURS.contains(reference.group(2))
                        && !(qualifiedOnly && reference.group(1).isEmpty())) {
                    String problem = check(reference.group(1), reference.group(2), reference.group(3));
                    if (problem != null) {
                        missing.add(page.getFileName() + ": `" + span.group(1) + "` " + problem);
                    }
                }
            }
        }
        assertThat(missing).as("classes and members named in backticks that the sources do not declare").isEmpty();
    }

    /** Null when the class (under that package path, if one is given) and each member exist; else what is missing. */
    private static String check(String packagePath, String simpleName, String members) {
        Set<String> files = declaring(packagePath.replace('.', '/'), simpleName);
        if (files.isEmpty()) {
            return "names no class " + (packagePath.isEmpty() ? "" : "under " + packagePath + " ") + "called "
                    + simpleName;
        }
        for (String member : members.isEmpty() ? new String[0] : members.substring(1).split("[.#]")) {
            Set<String> next = new LinkedHashSet<>();
            boolean found = false;
            for (String file : files) {
                if (Character.isUpperCase(member.charAt(0)) && member.chars().anyMatch(Character::isLowerCase)) {
                    if (declaresType(sources.get(file), member)) {
                        next.add(file);
                        found = true;
                    }
                } else if (declaresMember(sources.get(file), member)) {
                    next.add(file);
                    found = true;
                }
            }
            if (!found) {
                return "names a member " + member + " that " + simpleName + " does not declare";
            }
            files = next;
        }
        return null;
    }

    /** The sources declaring a type of this name (a file of its own or nested), in the package path's folder if given. */
    private static Set<String> declaring(String packagePath, String simpleName) {
        String folder = "dev/popcorn/" + packagePath.replaceFirst("^dev/popcorn/", "").replaceFirst("/$", "") + "/";
        return typesByName.getOrDefault(simpleName, Set.of()).stream()
                .filter(file -> packagePath.isEmpty()
                        || (file.startsWith(folder) && file.indexOf('/', folder.length()) < 0))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean declaresType(String source, String name) {
        return Pattern.compile("\\b(class|interface|record|enum)\\s+" + name + "\\b").matcher(source).find();
    }

    /**
     * A method ({@code Type name(} at the start of a line, after modifiers), a record component or a field
     * ({@code Type name,} {@code )} {@code =} {@code ;}), or an enum constant or constant ({@code NAME} not after a dot).
     */
    private static boolean declaresMember(String source, String name) {
        String quoted = Pattern.quote(name);
        return Pattern
                .compile("(?m)^\\s*(?:@\\w+\\s+)*(?!return\\b|throw\\b|new\\b)[\\w<>\\[\\],.? ]*[\\w>\\]]\\s+" + quoted
                        + "\\s*\\(")
                .matcher(source).find()
                || Pattern.compile("[\\w>\\]]\\s+" + quoted + "\\s*[,)=;]").matcher(source).find()
                || (name.equals(name.toUpperCase(java.util.Locale.ROOT))
                        && Pattern.compile("(?<![.\\w])" + quoted + "\\b").matcher(source).find());
    }

    private static List<Path> adrs() {
        try (Stream<Path> files = Files.list(ADRS)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{4}-.*\\.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLines(Path file, int lines) {
        return read(file).lines().limit(lines).collect(Collectors.joining("\n"));
    }

    /** The status line and the lines it wraps onto, up to the first blank line after it. */
    private static String statusBlock(Path adr) {
        String text = read(adr);
        int start = text.indexOf("Status:");
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end).replace('\n', ' ');
    }

    /** The page without code blocks and code spans, where brackets are code, not links. */
    private static String prose(String markdown) {
        return CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
