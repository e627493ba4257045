package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's promises about its jars: every published module is in {@code streamz-bom}, and
 * every jar has its own {@code Automatic-Module-Name}.
 */
class ModulesTest {
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));

    @Test
    void theBomListsEveryPublishedModuleAndNothingElse() throws Exception {
        TreeSet<String> published = new TreeSet<>();
        for (Document pom : jarModules()) {
            if (!"true".equals(property(pom, "maven.deploy.skip"))) {
                published.add(child(pom.getDocumentElement(), "artifactId"));
            }
        }
        TreeSet<String> inBom = new TreeSet<>();
        NodeList ids = read(ROOT.resolve("streamz-bom/pom.xml")).getElementsByTagName("artifactId");
        for (int i = 0; i < ids.getLength(); i++) {
            Node parent = ids.item(i).getParentNode();
            if ("dependency".equals(parent.getNodeName())) {
                inBom.add(ids.item(i).getTextContent().trim());
            }
        }
        assertThat(inBom).as("streamz-bom/pom.xml").isEqualTo(published);
    }

    @Test
    void everyJarNamesItsOwnModule() throws Exception {
        Map<String, String> owners = new HashMap<>();
        for (Document pom : jarModules()) {
            String artifact = child(pom.getDocumentElement(), "artifactId");
            String name = property(pom, "module.name");
            assertThat(name).as("the module.name property of %s", artifact)
                    .isNotNull()
                    .matches("(io|com\\.example)\\.streamz(\\.[a-z][a-z0-9]*)*");
            assertThat(owners.put(name, artifact)).as("module name %s of %s", name, artifact).isNull();
        }
    }

    /** The poms of the jar modules of the whole build, following each pom's {@code <modules>}. */
    private static List<Document> jarModules() throws Exception {
        List<Document> jars = new ArrayList<>();
        collect(ROOT, jars);
        assertThat(jars).hasSizeGreaterThan(5);
        return jars;
    }

    private static void collect(Path dir, List<Document> jars) throws Exception {
        Document pom = read(dir.resolve("pom.xml"));
        String packaging = child(pom.getDocumentElement(), "packaging");
        if (packaging == null || packaging.equals("jar")) {
            jars.add(pom);
        }
        NodeList modules = pom.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            collect(dir.resolve(modules.item(i).getTextContent().trim()), jars);
        }
    }

    private static Document read(Path pom) throws Exception {
        assertThat(pom).exists();
        try (var in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    /** The text of {@code parent}'s direct child {@code name}, or {@code null}. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNodeName().equals(name)) {
                return n.getTextContent().trim();
            }
        }
        return null;
    }

    private static String property(Document pom, String name) {
        NodeList props = pom.getDocumentElement().getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            if (props.item(i).getParentNode() == pom.getDocumentElement()) {
                return child((Element) props.item(i), name);
            }
        }
        return null;
    }
}
