# @TOOL@ completion for PowerShell (7, or Windows PowerShell 5.1): add
#   @TOOL@ completion powershell | Out-String | Invoke-Expression
# to your profile (the file $PROFILE names).
Register-ArgumentCompleter -Native -CommandName @TOOL@ -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    # Written by `@TOOL@ completion powershell` from Sequor's command model: for each command (its words after
    # `@TOOL@`), its options, the kind of value each option that takes one completes, what its first argument
    # completes and its subcommands with their descriptions.
    $commands = @{
@COMMANDS@
    }
    # Every option that takes a value, of any command: their values are skipped when finding the command words.
    $valueOptions = @(@VALUE_OPTIONS@)
    $choices = @{
@CHOICES@
    }

    # The words before the one being completed, as the command sees them (quotes removed).
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object {
        if ($_ -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $_.Value } else { $_.Extent.Text }
    })
    $path = '@TOOL@'
    for ($i = 1; $i -lt $words.Count; $i++) {
        if ($valueOptions -ccontains $words[$i]) { $i++ }
        elseif (-not $words[$i].StartsWith('-')) { $path = "$path $($words[$i])" }
    }
    $command = $commands[$path]
    if ($null -eq $command) { return }
    $previous = if ($words.Count -gt 1) { $words[$words.Count - 1] } else { '' }
    $prefix = $wordToComplete -replace '^[''"]', ''

    # The project of the current folder: the nearest folder upwards holding a project.yaml.
    function Get-SequorProject {
        $dir = (Get-Location).ProviderPath
        while ($dir) {
            if (Test-Path -LiteralPath (Join-Path $dir 'project.yaml') -PathType Leaf) { return $dir }
            $dir = [System.IO.Path]::GetDirectoryName($dir)
        }
    }
    # The values of a kind, listed by this script itself, never by starting Sequor.
    function Get-SequorValues([string] $kind) {
        switch -CaseSensitive ($kind) {
            'FLOW' {
                $project = Get-SequorProject
                if (-not $project) { return }
                $flows = Join-Path $project 'flows'
                if (-not (Test-Path -LiteralPath $flows -PathType Container)) { return }
                Get-ChildItem -LiteralPath $flows -Recurse -File -Filter '*.yaml' |
                    Where-Object { $_.Name.EndsWith('.yaml') } |
                    ForEach-Object { ($_.FullName.Substring($flows.Length + 1) -replace '\\', '/') -replace '\.yaml$', '' }
            }
            'ENV' {
                $sequorHome = if ($env:SEQUOR_HOME) { $env:SEQUOR_HOME } else { Join-Path $HOME '.sequor' }
                $envs = Join-Path $sequorHome 'envs'
                if (-not (Test-Path -LiteralPath $envs -PathType Container)) { return }
                Get-ChildItem -LiteralPath $envs -File -Filter '*.yaml' |
                    Where-Object { $_.Name.EndsWith('.yaml') } |
                    ForEach-Object { $_.Name.Substring(0, $_.Name.Length - 5) }
            }
            default { if ($choices.ContainsKey($kind)) { $choices[$kind] } }
        }
    }
    # Completion results for the candidates that start with what is typed; a value holding a space, a quote or a
    # character PowerShell reads as syntax is put in single quotes (a quote inside doubled, typographic ones too).
    function New-SequorResults($candidates, [string] $type, $tips) {
        foreach ($candidate in $candidates) {
            if (-not $candidate.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
            $text = $candidate
            if ($candidate -match '[\s''"`$&|;,(){}\[\]<>@#\u2018-\u201E]') {
                $text = "'" + ($candidate -replace '[''\u2018-\u201B]', '$0$0') + "'"
            }
            $tip = $candidate
            if ($tips -and $tips.Contains($candidate) -and $tips[$candidate]) { $tip = $tips[$candidate] }
            [System.Management.Automation.CompletionResult]::new($text, $candidate, $type, $tip)
        }
    }

    # A DIR or PATH value, or nothing to offer: no results, and PowerShell completes file and folder names itself.
    if ($command.values.Contains($previous) -and $valueOptions -ccontains $previous) {
        New-SequorResults @(Get-SequorValues $command.values[$previous]) 'ParameterValue' $null
    } elseif ($wordToComplete.StartsWith('-')) {
        New-SequorResults $command.options 'ParameterName' $null
    } elseif ($command.subcommands.Count -gt 0) {
        New-SequorResults @($command.subcommands.Keys) 'ParameterValue' $command.subcommands
    } elseif ($command.positional) {
        New-SequorResults @(Get-SequorValues $command.positional) 'ParameterValue' $null
    }
}
