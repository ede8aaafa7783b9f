package dev.ferric;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage example at the top of README.md compiles against this API: its {@code java} block is
 * wrapped in a method whose parameters are the example's free variables, and compiled with the test
 * class path. Renaming or removing an API the README shows fails here, not in a user's editor.
 */
class ReadmeExampleTest {
    private static final String HEAD = String.join("\n",
            "package readme;",
            "import java.nio.charset.StandardCharsets;",
            "import java.nio.file.Paths;",
            "import java.security.MessageDigest;",
            "import java.security.Security;",
            "import dev.ferric.*;",
            "import dev.ferric.blake3.*;",
            "import dev.ferric.compress.*;",
            "import dev.ferric.regex.*;",
            "import dev.ferric.vectors.*;");
    private static final String PARAMS = "byte[] data, byte[] header, byte[] body, String logText, byte[] dump, float[][] embeddings, float[] query";

    static String javaBlock(String markdown) {
        int start = markdown.indexOf("```java\n");
        int end = markdown.indexOf("```", start + 8);
        if (start < 0 || end < 0) throw new AssertionError("README.md has no ```java block");
        return markdown.substring(start + 8, end);
    }

    @Test
    void readmeJavaBlockCompiles(@TempDir Path out) throws Exception {
        String block = javaBlock(new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8));
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : block.split("\n")) (line.startsWith("import ") ? imports : body).add(line);
        String source = HEAD + "\n" + String.join("\n", imports) + "\nclass Example {\n  void run(" + PARAMS + ") throws Exception {\n"
                + String.join("\n", body) + "\n  }\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "this runtime has no compiler (a JRE); the JDK runs of the suite check the README");
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/Example.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter diagnostics = new StringWriter();
        List<String> options = Arrays.asList("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none");
        boolean ok = javac.getTask(diagnostics, null, null, options, null, Collections.singletonList(file)).call();
        assertTrue(ok, "README.md's example does not compile:\n" + diagnostics + "\n--- as compiled ---\n" + source);
    }
}
