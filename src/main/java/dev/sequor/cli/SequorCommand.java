package dev.sequor.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "sequor", mixinStandardHelpOptions = true)
public class SequorCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("sequor");
    }
}
