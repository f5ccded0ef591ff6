package dev.sequor.cli;

import dev.sequor.cli.CompletionScripts.Cmd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The PowerShell completion of {@code sequor}: a {@code Register-ArgumentCompleter -Native} script
 * ({@code templates/completion/powershell.ps1}, its logic) into which the command model is written as PowerShell
 * hashtables (its data). The values it completes are chosen by label as in the other shells; flows and environments
 * are listed by the script itself. The script is filled by plain text replacement, not Qute: PowerShell's braces would
 * read as Qute expressions.
 */
final class PowerShellCompletion {

    private static final String TEMPLATE = "/templates/completion/powershell.ps1";
    private static final String INDENT = "        ";

    private PowerShellCompletion() {
    }

    static String script(List<Cmd> commands, Map<String, List<String>> choices, String tool) {
        StringBuilder table = new StringBuilder();
        for (Cmd c : commands) {
            table.append(INDENT).append(quote(c.path().isEmpty() ? tool : tool + " " + c.path())).append(" = @{\n");
            table.append(INDENT).append("    options = ").append(array(c.options())).append('\n');
            table.append(INDENT).append("    values = @{").append(c.valueOptions().stream()
                    .map(o -> quote(o) + " = " + quote(CompletionScripts.valueLabel(o, c.optionLabels().get(o))))
                    .collect(Collectors.joining("; "))).append("}\n");
            table.append(INDENT).append("    positional = ").append(quote(c.positional() == null ? "" : c.positional()))
                    .append('\n');
            table.append(INDENT).append("    subcommands = [ordered]@{");
            for (String sub : c.subcommands()) {
                table.append('\n').append(INDENT).append("        ").append(quote(sub)).append(" = ")
                        .append(quote(description(commands, c, sub)));
            }
            table.append(c.subcommands().isEmpty() ? "" : "\n" + INDENT + "    ").append("}\n");
            table.append(INDENT).append("}\n");
        }
        StringBuilder choiceTable = new StringBuilder();
        choices.forEach((label, values) -> choiceTable.append(INDENT).append(quote(label)).append(" = ")
                .append(array(values)).append('\n'));
        return template().replace("@TOOL@", tool)
                .replace("@COMMANDS@\n", table.toString())
                .replace("@VALUE_OPTIONS@", String.join(", ", CompletionScripts.allValueOptions(commands).stream()
                        .map(PowerShellCompletion::quote).toList()))
                .replace("@CHOICES@\n", choiceTable.toString());
    }

    private static String description(List<Cmd> commands, Cmd parent, String sub) {
        String path = parent.path().isEmpty() ? sub : parent.path() + " " + sub;
        return commands.stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow().description();
    }

    private static String array(List<String> values) {
        return "@(" + values.stream().map(PowerShellCompletion::quote).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * A PowerShell single-quoted string: nothing inside is expanded; a quote is doubled, the typographic single
     * quotes too (PowerShell reads them as quotes); any other character outside ASCII is left out, so the script
     * reads the same whatever code page the console has.
     */
    static String quote(String text) {
        StringBuilder s = new StringBuilder("'");
        for (char ch : text.toCharArray()) {
            if (ch == '\'' || (ch >= '\u2018' && ch <= '\u201B')) {
                s.append("''");
            } else if (ch < 128) {
                s.append(ch);
            }
        }
        return s.append('\'').toString();
    }

    private static String template() {
        try (InputStream in = PowerShellCompletion.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("Sequor is missing its template " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
