package com.example.hash;

import dev.ferric.Ferric;
import dev.ferric.blake3.Blake3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;

/** Prints the BLAKE3 hash of each file named on the command line, in b3sum's format. */
public final class HashFile {
    private HashFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: HashFile FILE...");
            System.exit(2);
        }
        if (!Ferric.isAvailable()) {
            // Tells exactly which load attempts failed and why.
            throw new IllegalStateException("ferric cannot load its native library", Ferric.unavailabilityCause());
        }
        System.err.println("ferric " + Ferric.version() + " on " + Ferric.platform());
        byte[] buffer = new byte[64 * 1024];
        for (String name : args) {
            try (Blake3.Hasher hasher = Blake3.newHasher(); InputStream in = Files.newInputStream(Paths.get(name))) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    hasher.update(buffer, 0, n);
                }
                System.out.println(Blake3.toHex(hasher.digest()) + "  " + name);
            }
        }
    }
}
