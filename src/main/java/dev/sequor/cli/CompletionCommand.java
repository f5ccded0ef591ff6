package dev.sequor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sequor completion SHELL}: prints the completion script of bash, zsh, fish or PowerShell
 * ({@link CompletionScripts}).
 */
@Command(name = "completion",
        description = "Print a shell completion script (bash, zsh, fish or powershell): commands, options, flow and"
                + " environment names.",
        footer = {"", "bash: add `source <(sequor completion bash)` to ~/.bashrc",
                "zsh:  add `source <(sequor completion zsh)` to ~/.zshrc",
                "fish: sequor completion fish > ~/.config/fish/completions/sequor.fish",
                "PowerShell (7, or Windows PowerShell 5.1): add",
                "      sequor completion powershell | Out-String | Invoke-Expression",
                "      to the file $PROFILE names"})
public class CompletionCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh, fish or powershell.")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!CompletionScripts.SHELLS.contains(shell)) {
            throw new ParameterException(spec.commandLine(), "Unknown shell: '" + shell + "'; expected one of "
                    + String.join(", ", CompletionScripts.SHELLS));
        }
        System.out.print(CompletionScripts.script(shell, spec.root()));
        System.out.flush();
        return 0;
    }
}
