package dev.sequor.cli;

import dev.sequor.flow.spec.JsonSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Shell completion scripts for {@code sequor} (bash, zsh and fish here, PowerShell in {@link PowerShellCompletion}),
 * written from the command model picocli reads from the commands' annotations, so a new command or option completes
 * without touching this class. What a value completes is decided by its label, one place for all commands: FLOW the
 * project's flows, DIR and PATH folders, NAME of {@code --env} the environments in the Sequor home, SHELL the shells,
 * COMMAND the commands. Flows and environments are listed by the shell itself (the nearest {@code project.yaml}
 * upwards, then its {@code flows/}), never by starting Sequor.
 */
final class CompletionScripts {

    static final List<String> SHELLS = List.of("bash", "zsh", "fish", "powershell");

    private CompletionScripts() {
    }

    /** One command of the tree: its words after {@code sequor} ("run", "env init"), options and positional label. */
    record Cmd(String path, String description, List<String> options, Set<String> valueOptions,
                       Map<String, String> optionLabels, String positional, List<String> subcommands) {
    }

    static String script(String shell, CommandSpec root) {
        List<Cmd> commands = new ArrayList<>();
        collect(root, "", commands);
        return switch (shell) {
            case "bash" -> bash(commands, root.name());
            case "zsh" -> "#compdef " + root.name() + "\n# " + root.name() + " completion for zsh: add\n"
                    + "#   source <(" + root.name() + " completion zsh)\n# to ~/.zshrc. It is the bash completion,"
                    + " through zsh's bashcompinit.\nautoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + bash(commands, root.name());
            case "fish" -> fish(commands, root.name());
            case "powershell" -> PowerShellCompletion.script(commands, choices(commands), root.name());
            default -> throw new IllegalArgumentException("no completion for shell " + shell);
        };
    }

    private static void collect(CommandSpec spec, String path, List<Cmd> out) {
        List<String> options = new ArrayList<>();
        Set<String> valueOptions = new LinkedHashSet<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            // debugging options are not offered, but their values are still skipped when finding the command words
            boolean offered = !o.hidden() && !o.longestName().startsWith("--debug-");
            for (String name : o.names()) {
                if (offered) {
                    options.add(name);
                }
                if (o.arity().max() > 0) {
                    valueOptions.add(name);
                    labels.put(name, o.paramLabel());
                }
            }
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        String positional = positionals.isEmpty() ? null : positionals.get(0).paramLabel();
        if (spec.name().equals("help")) {
            positional = "COMMAND";
        }
        List<String> subs = new ArrayList<>(spec.subcommands().keySet());
        // picocli's help command starts its description with a line break (%n)
        String description = spec.usageMessage().description().length == 0 ? ""
                : spec.usageMessage().description()[0].replace("%n", " ").strip();
        out.add(new Cmd(path, description, options, valueOptions, labels, positional, subs));
        spec.subcommands().forEach((name, sub) ->
                collect(sub.getCommandSpec(), path.isEmpty() ? name : path + " " + name, out));
    }

    /** The values of the labels that complete from a fixed list: SHELL, KIND and COMMAND (the top commands). */
    static Map<String, List<String>> choices(List<Cmd> commands) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("SHELL", SHELLS);
        choices.put("KIND", JsonSchemas.KINDS);
        choices.put("COMMAND", commands.get(0).subcommands());
        return choices;
    }

    /** Every option that takes a value, of any command: their values are skipped when finding the command words. */
    static Set<String> allValueOptions(List<Cmd> commands) {
        Set<String> all = new LinkedHashSet<>();
        commands.forEach(c -> all.addAll(c.valueOptions()));
        return all;
    }

    private static String bash(List<Cmd> commands, String tool) {
        String fn = "_" + tool;
        StringBuilder s = new StringBuilder();
        s.append("# ").append(tool).append(" completion for bash: add\n#   source <(").append(tool)
                .append(" completion bash)\n# to ~/.bashrc.\n");
        s.append(fn).append("_project() {\n")
                .append("  local dir=\"$PWD\"\n")
                .append("  while [ -n \"$dir\" ] && [ ! -f \"$dir/project.yaml\" ]; do\n")
                .append("    [ \"$dir\" = / ] && return 1\n    dir=$(dirname -- \"$dir\")\n  done\n")
                .append("  printf '%s\\n' \"$dir\"\n}\n");
        s.append(fn).append("_flows() {\n  local project\n  project=$(").append(fn).append("_project) || return 0\n")
                .append("  [ -d \"$project/flows\" ] || return 0\n")
                .append("  (cd \"$project/flows\" && find . -name '*.yaml' -type f | sed -e 's|^\\./||' -e 's|\\.yaml$||')\n}\n");
        s.append(fn).append("_envs() {\n  local home=\"${SEQUOR_HOME:-$HOME/.sequor}\"\n")
                .append("  [ -d \"$home/envs\" ] || return 0\n")
                .append("  (cd \"$home/envs\" && for f in *.yaml; do [ -f \"$f\" ] && printf '%s\\n' \"${f%.yaml}\"; done)\n}\n");
        s.append(fn).append("_values() {\n  # $1: the label of what is completed, $2: the word so far\n  case \"$1\" in\n")
                .append("    FLOW) COMPREPLY=($(compgen -W \"$(").append(fn).append("_flows)\" -- \"$2\")) ;;\n")
                .append("    DIR|PATH) COMPREPLY=($(compgen -d -- \"$2\")) ;;\n")
                .append("    ENV) COMPREPLY=($(compgen -W \"$(").append(fn).append("_envs)\" -- \"$2\")) ;;\n")
                .append("    SHELL) COMPREPLY=($(compgen -W \"").append(String.join(" ", SHELLS))
                .append("\" -- \"$2\")) ;;\n")
                .append("    KIND) COMPREPLY=($(compgen -W \"").append(String.join(" ", JsonSchemas.KINDS))
                .append("\" -- \"$2\")) ;;\n")
                .append("    COMMAND) COMPREPLY=($(compgen -W \"").append(String.join(" ", commands.get(0).subcommands()))
                .append("\" -- \"$2\")) ;;\n")
                .append("    *) COMPREPLY=() ;;\n  esac\n}\n");
        s.append(fn).append("() {\n")
                .append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" w i\n")
                .append("  for ((i = 1; i < COMP_CWORD; i++)); do\n    w=\"${COMP_WORDS[i]}\"\n    case \"$w\" in\n")
                .append("      ").append(String.join("|", allValueOptions(commands))).append(") ((i++)) ;;\n")
                .append("      -*) ;;\n")
                .append("      *) cmd=\"${cmd:+$cmd }$w\" ;;\n    esac\n  done\n")
                .append("  case \"$cmd\" in\n");
        for (Cmd c : commands) {
            s.append("    \"").append(c.path()).append("\")\n      case \"$prev\" in\n");
            for (String o : c.valueOptions()) {
                s.append("        ").append(o).append(") ").append(fn).append("_values ")
                        .append(valueLabel(o, c.optionLabels().get(o))).append(" \"$cur\"; return ;;\n");
            }
            s.append("      esac\n");
            s.append("      if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"")
                    .append(String.join(" ", c.options())).append("\" -- \"$cur\")); return; fi\n");
            if (!c.subcommands().isEmpty()) {
                s.append("      COMPREPLY=($(compgen -W \"").append(String.join(" ", c.subcommands()))
                        .append("\" -- \"$cur\")) ;;\n");
            } else if (c.positional() != null) {
                s.append("      ").append(fn).append("_values ").append(c.positional()).append(" \"$cur\" ;;\n");
            } else {
                s.append("      COMPREPLY=() ;;\n");
            }
        }
        s.append("    *) COMPREPLY=() ;;\n  esac\n}\n");
        s.append("complete -o filenames -F ").append(fn).append(' ').append(tool).append('\n');
        return s.toString();
    }

    /** What an option's value completes: the environments for --env, else its label. */
    static String valueLabel(String option, String label) {
        return option.equals("--env") ? "ENV" : label;
    }

    private static String fish(List<Cmd> commands, String tool) {
        String fn = "__" + tool;
        StringBuilder s = new StringBuilder();
        s.append("# ").append(tool).append(" completion for fish: save as ~/.config/fish/completions/").append(tool)
                .append(".fish, or run\n#   ").append(tool).append(" completion fish | source\n");
        s.append("function ").append(fn).append("_flows\n    set -l dir $PWD\n")
                .append("    while not test -f \"$dir/project.yaml\"\n        test \"$dir\" = /; and return\n")
                .append("        set dir (dirname -- $dir)\n    end\n    test -d \"$dir/flows\"; or return\n")
                .append("    for f in (find \"$dir/flows\" -name '*.yaml' -type f)\n")
                .append("        string replace -- \"$dir/flows/\" '' $f | string replace -r '\\.yaml$' ''\n    end\nend\n");
        s.append("function ").append(fn).append("_envs\n    set -l home $SEQUOR_HOME\n")
                .append("    test -n \"$home\"; or set home $HOME/.sequor\n")
                .append("    for f in $home/envs/*.yaml\n        string replace -r '\\.yaml$' '' (basename -- $f)\n    end\nend\n");
        // the words typed after the tool, options and their values left out, equal to PATH's words
        s.append("function ").append(fn).append("_command_is\n    set -l words (commandline -opc)\n")
                .append("    set -e words[1]\n    set -l cmd\n    set -l skip 0\n    for w in $words\n")
                .append("        if test $skip = 1\n            set skip 0\n            continue\n        end\n")
                .append("        switch $w\n            case ")
                .append(String.join(" ", allValueOptions(commands))).append("\n                set skip 1\n")
                .append("            case '-*'\n            case '*'\n                set -a cmd $w\n        end\n    end\n")
                .append("    test \"$cmd\" = \"$argv\"\nend\n");
        s.append("complete -c ").append(tool).append(" -f\n");
        for (Cmd c : commands) {
            String when = "-n '" + fn + "_command_is " + c.path() + "'";
            for (String sub : c.subcommands()) {
                Cmd subCmd = commands.stream().filter(x -> x.path().equals(c.path().isEmpty() ? sub
                        : c.path() + " " + sub)).findFirst().orElseThrow();
                s.append("complete -c ").append(tool).append(' ').append(when).append(" -a ").append(sub)
                        .append(" -d ").append(fishQuote(subCmd.description())).append('\n');
            }
            for (String o : c.options()) {
                String flag = o.startsWith("--") ? "-l " + o.substring(2) : "-s " + o.substring(1);
                s.append("complete -c ").append(tool).append(' ').append(when).append(' ').append(flag);
                if (c.valueOptions().contains(o)) {
                    // -x: a value follows, and only the values given here (no file names) complete it
                    s.append(" -x").append(fishValues(fn, valueLabel(o, c.optionLabels().get(o))));
                }
                s.append('\n');
            }
            if (c.subcommands().isEmpty() && c.positional() != null) {
                String values = fishValues(fn, c.positional());
                if (!values.isEmpty()) {
                    s.append("complete -c ").append(tool).append(' ').append(when).append(values).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String fishValues(String fn, String label) {
        return switch (label == null ? "" : label) {
            case "FLOW" -> " -a '(" + fn + "_flows)'";
            case "ENV" -> " -a '(" + fn + "_envs)'";
            case "DIR", "PATH" -> " -a '(__fish_complete_directories)'";
            case "SHELL" -> " -a '" + String.join(" ", SHELLS) + "'";
            case "KIND" -> " -a '" + String.join(" ", JsonSchemas.KINDS) + "'";
            default -> "";
        };
    }

    private static String fishQuote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
