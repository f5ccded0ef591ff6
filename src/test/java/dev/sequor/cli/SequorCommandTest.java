package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree a command line gets: only the subcommand it names, else all of them. */
class SequorCommandTest {

    private static Map<String, CommandLine> subcommandsFor(String... args) {
        return SequorCommand.addSubcommands(new CommandLine(new SequorCommand()), CommandLine.defaultFactory(), args)
                .getSubcommands();
    }

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        SequorCommand.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(Command.class).name()).as(type.getName()).isEqualTo(name));
    }

    @Test
    void aCommandLineThatNamesASubcommandGetsOnlyThatOne() {
        assertThat(subcommandsFor("run", "flow", "--env", "dev")).containsOnlyKeys("run");
        assertThat(subcommandsFor("version")).containsOnlyKeys("version");
        assertThat(subcommandsFor("env", "init", "dev")).containsOnlyKeys("env");
        assertThat(subcommandsFor("env", "init", "dev").get("env").getSubcommands()).containsKey("init");
    }

    @Test
    void helpCompletionOptionsAndUnknownWordsGetThemAll() {
        String[] all = SequorCommand.SUBCOMMANDS.keySet().toArray(String[]::new);
        assertThat(subcommandsFor()).containsOnlyKeys(all);
        assertThat(subcommandsFor("--help")).containsOnlyKeys(all);
        assertThat(subcommandsFor("help", "run")).containsOnlyKeys(all);
        assertThat(subcommandsFor("completion", "bash")).containsOnlyKeys(all);
        assertThat(subcommandsFor("rnu", "flow")).containsOnlyKeys(all);
        assertThat(subcommandsFor("-V")).containsOnlyKeys(all);
    }

    @Test
    void theHelpListsEverySubcommandInOrder() {
        String help = SequorCommand.addSubcommands(new CommandLine(new SequorCommand()), CommandLine.defaultFactory())
                .getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(help).containsSubsequence("  run ", "  validate ", "  list ", "  init ", "  env ", "  schema ",
                "  version ", "  completion ", "  help ");
    }
}
