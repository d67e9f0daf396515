using System;
using System.CommandLine;
using System.IO;
using PodFirmware.Host.DeviceBuild;

namespace PodFirmware.Host
{
    /// <summary>Entry point of the host build: the verbs behind <c>./pod</c>.</summary>
    public static class Program
    {
        /// <summary>Parses the verb and runs it; returns the process exit code.</summary>
        public static int Main(string[] args) => CreateRoot().Parse(args).Invoke();

        /// <summary>Every verb of the host program, as <c>./pod</c> passes them on.</summary>
        public static RootCommand CreateRoot()
        {
            var root = new RootCommand("PodFirmware host tools: a virtual pod, the scenario simulator and build helpers.");
            root.Subcommands.Add(Verbs.RunVerb.Create());
            root.Subcommands.Add(Verbs.SimVerb.Create());
            root.Subcommands.Add(Verbs.SignVerb.Create());
            root.Subcommands.Add(Verbs.ConfigVerb.Create());
            root.Subcommands.Add(Watch.WatchVerb.Create());
            root.Subcommands.Add(PodConsole.ConsoleVerb.Create());
            root.Subcommands.Add(NfprojCommand());
            root.Subcommands.Add(Verbs.MutationReportVerb.Create());
            var verbs = new Command("verbs", "List every verb with its arguments and options (what ./pod help prints).");
            verbs.SetAction(_ => PrintVerbs(root, Console.Out));
            root.Subcommands.Add(verbs);
            return root;
        }

        /// <summary>Writes every verb under <paramref name="root"/> (and sub-verb) with its arguments and options; returns 0.</summary>
        public static int PrintVerbs(Command root, TextWriter output)
        {
            foreach (Command verb in root.Subcommands)
            {
                PrintVerb(verb, "./pod " + verb.Name, output);
            }

            return 0;
        }

        private static string ValueName(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(bool))
            {
                return "";
            }

            if (type == typeof(FileInfo))
            {
                return " FILE";
            }

            if (type == typeof(DirectoryInfo))
            {
                return " DIR";
            }

            return type == typeof(int) || type == typeof(long) ? " N" : " TEXT";
        }

        private static void PrintVerb(Command verb, string usage, TextWriter output)
        {
            if (verb.Subcommands.Count > 0)
            {
                foreach (Command sub in verb.Subcommands)
                {
                    PrintVerb(sub, usage + " " + sub.Name, output);
                }

                return;
            }

            foreach (Argument argument in verb.Arguments)
            {
                usage += " " + argument.Name + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : "");
            }

            output.WriteLine(usage);
            output.WriteLine("    " + verb.Description);
            foreach (Option option in verb.Options)
            {
                if (option.Name == "--help" || option.Name == "-h" || option.Hidden)
                {
                    continue;
                }

                string value = ValueName(option.ValueType);
                output.WriteLine("    " + (option.Name + value).PadRight(24) + " " + option.Description + (option.Required ? " (required)" : ""));
            }
        }

        private static Command NfprojCommand()
        {
            var check = new Option<bool>("--check") { Description = "Only report drift; exit 1 if a .nfproj list differs from the tree." };
            var command = new Command("nfproj", "Rewrite the explicit file lists of the .nfproj projects from the source tree (the device build has no globbing).");
            command.Options.Add(check);
            command.SetAction(parse =>
            {
                string repo = RepoRoot();
                if (parse.GetValue(check))
                {
                    int drift = 0;
                    foreach (var group in NfprojFiles.Groups(repo))
                    {
                        var listed = NfprojFiles.Listed(NfprojFiles.NfprojPath(repo, group.Project), group.Label);
                        if (listed == null || !System.Linq.Enumerable.SequenceEqual(listed, group.Expected))
                        {
                            Console.Error.WriteLine(group.Project + ".nfproj, ItemGroup " + group.Label + ": differs from the tree");
                            drift++;
                        }
                    }

                    return drift == 0 ? 0 : 1;
                }

                foreach (string project in NfprojFiles.Sync(repo))
                {
                    Console.WriteLine("updated " + project + ".nfproj");
                }

                return 0;
            });
            return command;
        }

        /// <summary>The repository root: $POD_REPO when set (./pod sets it), else the nearest ancestor of the working directory holding ./pod.</summary>
        public static string RepoRoot()
        {
            string fromEnv = Environment.GetEnvironmentVariable("POD_REPO");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }

            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "pod")) && Directory.Exists(Path.Combine(dir.FullName, "PodFirmware")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("run from inside the repository (no ./pod found above " + Directory.GetCurrentDirectory() + ")");
        }
    }
}
