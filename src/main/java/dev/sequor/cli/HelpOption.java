package dev.sequor.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} of a subcommand. Subcommands take this instead of picocli's standard help options, which add
 * {@code -V/--version} too: the version is the top command's ({@code sequor -V}) and {@code sequor version}.
 */
public class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
