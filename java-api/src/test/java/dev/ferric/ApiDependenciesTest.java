package dev.ferric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The API jar has no runtime dependency: every dependency its POM declares is for the tests (or
 * provided, or optional), so an application that adds ferric gets nothing else on its class path.
 * A library added for an interop test in the default scope fails here, not in a user's build.
 */
class ApiDependenciesTest {
    @Test
    void everyDependencyOfTheApiIsForTestsOnly() throws Exception {
        Path pom = Paths.get("pom.xml");
        assertTrue(Files.isRegularFile(pom), "run from java-api/");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(pom.toFile());
        List<String> leaking = new ArrayList<>();
        int declared = 0;
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!"dependencies".equals(n.getNodeName())) continue; // (not dependencyManagement or a profile's)
            for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
                if (!"dependency".equals(d.getNodeName())) continue;
                declared++;
                String scope = text((Element) d, "scope");
                boolean optional = "true".equals(text((Element) d, "optional"));
                if (!optional && !"test".equals(scope) && !"provided".equals(scope)) {
                    leaking.add(text((Element) d, "groupId") + ":" + text((Element) d, "artifactId")
                            + " (scope " + (scope == null ? "compile" : scope) + ")");
                }
            }
        }
        assertTrue(declared > 0, "no <dependencies> read from " + pom.toAbsolutePath());
        assertEquals(new ArrayList<String>(), leaking, "runtime dependencies of the API jar");
    }

    private static String text(Element e, String child) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (child.equals(n.getNodeName())) return n.getTextContent().trim();
        }
        return null;
    }
}
