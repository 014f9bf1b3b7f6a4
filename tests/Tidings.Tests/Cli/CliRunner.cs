using System.Diagnostics;

namespace Tidings.Tests.Cli;

/// <summary>Runs the real `tidings` program (the built Tidings.Cli.dll) as a child process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "Tidings.Cli.dll");

    public static Process Start(string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        return Process.Start(psi)!;
    }

    public static Result RunWithInput(string workDir, string? stdin, params string[] args)
    {
        using var p = Start(workDir, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(300_000)) // generous: CI machines are small and may be shared
        {
            p.Kill(true);
            throw new TimeoutException($"tidings {string.Join(' ', args)} did not finish");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string workDir, params string[] args) => RunWithInput(workDir, null, args);
}
