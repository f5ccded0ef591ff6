package dev.sequor.cli;

import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

/** {@code sequor version}: prints {@code Sequor version: X} as upstream does. */
@Command(name = "version", description = "Print the Sequor version.")
public class VersionCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    /** Accepted like every command's (scripts pass it everywhere); version reads nothing from the home. */
    @Mixin
    HomeOptions home;

    static String version() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("dev");
    }

    @Override
    public Integer call() {
        System.out.println("Sequor version: " + version());
        return 0;
    }

    /** The same text for {@code sequor --version}. */
    public static class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Sequor version: " + version()};
        }
    }
}
