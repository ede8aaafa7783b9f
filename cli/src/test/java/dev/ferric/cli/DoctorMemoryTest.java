package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ferric doctor --memory}: each kernel's row, its memory back to where it was, the leak net's check. */
class DoctorMemoryTest {
    @Test
    void theAuditShowsEveryKernelReturningItsMemory() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true));
        int status;
        try {
            status = FerricCli.run(new String[] {"doctor", "--memory"});
        } finally {
            System.setOut(saved);
        }
        String out = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        for (String kernel : new String[] {"core", "blake3", "regex", "compression", "vectors", "total"}) {
            Matcher m = Pattern.compile("(?m)^" + kernel + " +(-?\\d+) +(-?\\d+) +(\\S+) +(\\d+)$").matcher(out);
            assertTrue(m.find(), kernel + " row in\n" + out);
            assertEquals(m.group(1), m.group(2), kernel + " before and after in\n" + out);
            if (!kernel.equals("core")) assertTrue(Long.parseLong(m.group(4)) > 0, kernel + " has a peak in\n" + out);
        }
        assertTrue(out.contains("leak net        found a Blake3.Hasher dropped unclosed on purpose"), out);
        assertTrue(out.contains("memory          OK"), out);
    }
}
