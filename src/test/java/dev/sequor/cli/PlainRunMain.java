package dev.sequor.cli;

import picocli.CommandLine;

/**
 * {@code sequor run ...} on plain picocli, without Quarkus: what a test can start in a fresh JVM from the test
 * class path (the Quarkus application is only packaged after the tests). {@link RunCommand} needs no injection.
 */
public final class PlainRunMain {

    private PlainRunMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunCommand()).execute(args));
    }
}
