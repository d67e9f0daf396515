using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Verbs;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    /// <summary>What a first-time user meets: the verb list, range-checked numbers, file/directory mix-ups, the build notice, the package check.</summary>
    public sealed class NewcomerTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("pod-newcomer-").FullName;

        public void Dispose() => Directory.Delete(_dir, true);

        [Fact]
        public void The_verb_list_names_every_verb_and_every_option()
        {
            RootCommand root = Program.CreateRoot();
            var output = new StringWriter();
            Assert.Equal(0, Program.PrintVerbs(root, output));
            string text = output.ToString();
            foreach (Command verb in root.Subcommands)
            {
                Assert.Contains("./pod " + verb.Name, text);
                foreach (Command leaf in verb.Subcommands.Count == 0 ? new[] { verb } : verb.Subcommands.ToArray())
                {
                    Assert.Contains(leaf.Description, text);
                    foreach (Option option in leaf.Options.Where(o => o.Name != "--help" && !o.Hidden))
                    {
                        Assert.Contains("    " + option.Name, text);
                    }
                }
            }

            Assert.Contains("./pod config check FILE...", text);
            Assert.Contains("--seconds N", text);
            Assert.Contains("--data DIR", text);
        }

        [Theory]
        [InlineData("run --seconds -1", "--seconds must be 0 to 86400")]
        [InlineData("run --seconds 86401", "--seconds must be 0 to 86400")]
        [InlineData("run --site-capacity -1", "--site-capacity must be 0 to 10000")]
        [InlineData("run --site-capacity 10001", "--site-capacity must be 0 to 10000")]
        [InlineData("run --site-step-capacity 10001", "--site-step-capacity must be 0 to 10000")]
        [InlineData("run --site-step-seconds -1", "--site-step-seconds must be 0 to 86400")]
        [InlineData("sim --config c --scenario s --until -1", "--until must be 0 to 604800000")]
        [InlineData("sim --config c --scenario s --until 604800001", "--until must be 0 to 604800000")]
        public void A_number_out_of_range_is_refused_by_name(string args, string expected)
        {
            ParseResult parse = Program.CreateRoot().Parse(args.Split(' '));
            Assert.Contains(parse.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("run --seconds 0")]
        [InlineData("run --seconds 86400")]
        [InlineData("run --pods 20 --site-capacity 400 --site-step-capacity 160 --site-step-seconds 90")]
        [InlineData("sim --config c --scenario s --until 0")]
        public void A_number_in_range_is_accepted(string args)
        {
            Assert.Empty(Program.CreateRoot().Parse(args.Split(' ')).Errors);
        }

        [Fact]
        public void A_directory_given_as_a_scenario_or_a_file_as_the_data_directory_is_an_error_line()
        {
            var error = new StringWriter();
            string config = Path.Combine(RepoPaths.Root, "nf-device-config", "pods", "pod-demo.json");
            Assert.Equal(2, SimVerb.Run(new FileInfo(config), new FileInfo(_dir), 10, new StringWriter(), error));
            Assert.Equal("pod sim: scenario " + _dir + " is a directory, not a file\n", error.ToString().Replace("\r", ""));

            Assert.Contains("not found", Assert.Throws<VerbInputException>(() => VerbInputs.ReadText(new FileInfo(Path.Combine(_dir, "none.txt")), "scenario")).Message);
            string file = Path.Combine(_dir, "flash");
            File.WriteAllText(file, "");
            Assert.Equal("--data " + file + " is a file, not a directory", Assert.Throws<VerbInputException>(() => VerbInputs.RequireDirectory(new DirectoryInfo(file), "--data")).Message);
            VerbInputs.RequireDirectory(new DirectoryInfo(_dir), "--data");
        }

        [Fact]
        public void The_pod_script_says_it_is_building_before_it_builds_the_host_program()
        {
            string script = File.ReadAllText(Path.Combine(RepoPaths.Root, "pod"));
            string function = Regex.Match(script, @"host_program\(\) \{.*?\n\}", RegexOptions.Singleline).Value;
            int notice = function.IndexOf("say \"building", StringComparison.Ordinal);
            int build = function.IndexOf("dotnet build", StringComparison.Ordinal);
            Assert.True(notice >= 0 && notice < build, "host_program says 'building' before 'dotnet build':\n" + function);
        }

        // A fake ldconfig that lists the library first and then far more than a pipe buffer, as a full cache does.
        private string FakeLdconfig(bool withLibrary)
        {
            string bin = Path.Combine(_dir, withLibrary ? "with" : "without");
            Directory.CreateDirectory(bin);
            string path = Path.Combine(bin, "ldconfig");
            File.WriteAllText(path, "#!/usr/bin/env bash\n" + (withLibrary ? "echo '\tlibmosquitto.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libmosquitto.so.1'\n" : "") +
                "for i in $(seq 1 20000); do echo \"\tlibfiller$i.so.1 (libc6,x86-64) => /usr/lib/libfiller$i.so.1\"; done\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            return bin;
        }

        private static int Bash(string bin, string body)
        {
            string script = File.ReadAllText(Path.Combine(RepoPaths.Root, "pod"));
            string function = Regex.Match(script, @"has_libmosquitto\(\) \{.*?\n\}", RegexOptions.Singleline).Value;
            Assert.NotEmpty(function);
            var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("set -euo pipefail\n" + function + "\n" + body);
            info.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
            using var process = Process.Start(info);
            process.WaitForExit();
            return process.ExitCode;
        }

        [Fact]
        public void The_library_check_finds_libmosquitto_under_pipefail_where_grep_q_fails()
        {
            string with = FakeLdconfig(true);
            Assert.Equal(0, Bash(with, "has_libmosquitto"));
            Assert.Equal(1, Bash(FakeLdconfig(false), "has_libmosquitto || exit 1"));

            // The form it replaces: grep -q stops reading, ldconfig dies of SIGPIPE, pipefail fails the check.
            Assert.NotEqual(0, Bash(with, "ldconfig -p 2>/dev/null | grep -q 'libmosquitto\\.so\\.1'"));
        }
    }
}
