using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PodFirmware.Host.DeviceBuild
{
    /// <summary>
    /// Keeps the explicit file lists of the .nfproj projects equal to the source tree. The
    /// nanoFramework project system has no globbing, while the host build globs; this class
    /// computes what each .nfproj must list and rewrites its labelled item groups.
    /// </summary>
    /// <remarks>
    /// The libraries PodFirmware.Core (<c>PodFirmware/Core/</c>), PodFirmware.Drivers, PodFirmware.Json and PodFirmware.SerialConsole have
    /// <c>&lt;ItemGroup Label="Portable"&gt;</c> (their portable files) and <c>Label="DeviceOnly"</c> (their files
    /// under a Device/ folder). The device app PodFirmware (<c>PodFirmware/</c>, an Exe) has only
    /// <c>Label="DeviceOnly"</c>: its files under PodFirmware/Device/; the folder of a project nested inside
    /// another's (PodFirmware/Core/) belongs to the nested project alone. Each test project
    /// (<c>tests/&lt;name&gt;/&lt;name&gt;.nfproj</c>, assembly NFUnitTest) has <c>Label="Portable"</c> and
    /// <c>Label="SupportLinked"</c>: the helpers in tests/Support/ that several test projects share; it references
    /// the libraries (PodFirmware.Tests.Control also PodFirmware.SerialConsole), so their strings stay in their own assemblies.
    /// </remarks>
    public static class NfprojFiles
    {
        /// <summary>Folder, under the repository root, of the test projects and of tests/Support.</summary>
        public const string TestsFolder = "tests";

        /// <summary>Folder, under <see cref="TestsFolder"/>, of the helpers every test project links.</summary>
        public const string SupportFolder = "Support";

        /// <summary>
        /// One labelled item group and what it must hold. <paramref name="LinkFrom"/> is the include prefix of
        /// linked files (null when the files are the project's own) and <paramref name="LinkAs"/> the folder
        /// they appear under in the project.
        /// </summary>
        public sealed record Group(string Project, string Label, IReadOnlyList<string> Expected, string LinkFrom, string LinkAs = null);

        /// <summary>The device app (an Exe): only device-only sources, no host build.</summary>
        public const string DeviceApp = "PodFirmware";

        /// <summary>The portable core library, in <c>PodFirmware/Core/</c>.</summary>
        public const string CoreLibrary = "PodFirmware.Core";

        /// <summary>The device projects that are not test projects: the libraries, then the app.</summary>
        public static readonly IReadOnlyList<string> AppProjects = new[] { CoreLibrary, "PodFirmware.Drivers", "PodFirmware.Json", "PodFirmware.SerialConsole", DeviceApp };

        /// <summary>The libraries among <see cref="AppProjects"/>: portable, each with a host twin <c>host/Portable/&lt;name&gt;.csproj</c>.</summary>
        public static readonly IReadOnlyList<string> LibraryProjects = new[] { CoreLibrary, "PodFirmware.Drivers", "PodFirmware.Json", "PodFirmware.SerialConsole" };

        /// <summary>The test projects: every <c>tests/X/X.nfproj</c>, ordinally sorted by name.</summary>
        public static IReadOnlyList<string> TestProjects(string repoRoot)
        {
            string tests = Path.Combine(repoRoot, TestsFolder);
            if (!Directory.Exists(tests))
            {
                return Array.Empty<string>();
            }

            return Directory.EnumerateDirectories(tests)
                .Select(Path.GetFileName)
                .Where(name => File.Exists(Path.Combine(tests, name, name + ".nfproj")))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Every device project: <see cref="AppProjects"/>, then <see cref="TestProjects"/>.</summary>
        public static IReadOnlyList<string> AllProjects(string repoRoot) => AppProjects.Concat(TestProjects(repoRoot)).ToList();

        /// <summary>
        /// The device projects built on the host too, whose host assemblies carry the project's name:
        /// <see cref="LibraryProjects"/>, then <see cref="TestProjects"/> (not <see cref="DeviceApp"/>, which is device-only).
        /// </summary>
        public static IReadOnlyList<string> HostBuiltProjects(string repoRoot) => LibraryProjects.Concat(TestProjects(repoRoot)).ToList();

        /// <summary>Every labelled group of the .nfproj projects under <paramref name="repoRoot"/>.</summary>
        public static IReadOnlyList<Group> Groups(string repoRoot)
        {
            var groups = new List<Group>();
            foreach (string project in AppProjects)
            {
                string dir = ProjectDir(repoRoot, project);
                if (project != DeviceApp)
                {
                    groups.Add(new Group(project, "Portable", SourceFiles(dir, deviceOnly: false), null));
                }

                groups.Add(new Group(project, "DeviceOnly", SourceFiles(dir, deviceOnly: true), null));
            }

            const string supportFrom = @"..\" + SupportFolder + @"\";
            string supportDir = Path.Combine(repoRoot, TestsFolder, SupportFolder);
            var support = (Directory.Exists(supportDir) ? SourceFiles(supportDir, deviceOnly: false) : Array.Empty<string>()).Select(f => supportFrom + f).ToList();
            foreach (string project in TestProjects(repoRoot))
            {
                groups.Add(new Group(project, "Portable", SourceFiles(ProjectDir(repoRoot, project), deviceOnly: false), null));
                groups.Add(new Group(project, "SupportLinked", support, supportFrom, SupportFolder + @"\"));
            }

            return groups;
        }

        /// <summary>
        /// The .cs files under <paramref name="projectDir"/>, relative with backslashes, ordinally sorted: either the portable
        /// ones or those under a Device/ folder. Files inside a nested project's folder (a subfolder holding an .nfproj, as
        /// PodFirmware/Core/ inside PodFirmware/) belong to that project and are left out.
        /// </summary>
        public static IReadOnlyList<string> SourceFiles(string projectDir, bool deviceOnly)
        {
            var nested = Directory.EnumerateDirectories(projectDir, "*", SearchOption.AllDirectories)
                .Where(d => Directory.EnumerateFiles(d, "*.nfproj", SearchOption.TopDirectoryOnly).Any())
                .Select(d => Path.GetRelativePath(projectDir, d).Replace('/', '\\') + @"\")
                .ToList();
            return Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(projectDir, f).Replace('/', '\\'))
                .Where(f => !f.StartsWith(@"bin\", StringComparison.Ordinal) && !f.StartsWith(@"obj\", StringComparison.Ordinal))
                .Where(f => !nested.Any(n => f.StartsWith(n, StringComparison.Ordinal)))
                .Where(f => IsDeviceOnly(f) == deviceOnly)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The project rule: a file is device-only when any folder on its path is named Device.</summary>
        public static bool IsDeviceOnly(string relativePath) => relativePath.Split('\\', '/').Reverse().Skip(1).Contains("Device");

        /// <summary>The Compile includes the .nfproj lists in the group labelled <paramref name="label"/>; null when the group is missing.</summary>
        public static IReadOnlyList<string> Listed(string nfprojPath, string label)
        {
            XElement group = FindGroup(XDocument.Load(nfprojPath), label);
            return group?.Elements().Where(e => e.Name.LocalName == "Compile").Select(e => (string)e.Attribute("Include")).ToList();
        }

        /// <summary>Rewrites every labelled group to match the tree; returns the projects it changed.</summary>
        public static IReadOnlyList<string> Sync(string repoRoot)
        {
            var changed = new List<string>();
            foreach (var byProject in Groups(repoRoot).GroupBy(g => g.Project))
            {
                string path = NfprojPath(repoRoot, byProject.Key);
                XDocument doc = XDocument.Load(path, LoadOptions.PreserveWhitespace);
                bool dirty = false;
                foreach (Group g in byProject)
                {
                    XElement group = FindGroup(doc, g.Label) ?? throw new InvalidDataException(path + ": no <ItemGroup Label=\"" + g.Label + "\">");
                    if (group.Elements().Select(e => (string)e.Attribute("Include")).SequenceEqual(g.Expected))
                    {
                        continue;
                    }

                    XNamespace ns = group.Name.Namespace;
                    group.RemoveNodes();
                    foreach (string file in g.Expected)
                    {
                        var item = new XElement(ns + "Compile", new XAttribute("Include", file));
                        if (g.LinkFrom != null)
                        {
                            item.Add(new XText("\n      "), new XElement(ns + "Link", g.LinkAs + file.Substring(g.LinkFrom.Length)), new XText("\n    "));
                        }

                        group.Add(new XText("\n    "), item);
                    }

                    group.Add(new XText("\n  "));
                    dirty = true;
                }

                if (dirty)
                {
                    // Visual Studio writes .nfproj files as UTF-8 without a byte-order mark; keep it so.
                    using (XmlWriter writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
                    {
                        doc.Save(writer);
                    }
                    changed.Add(byProject.Key);
                }
            }

            return changed;
        }

        /// <summary>Path of a project's .nfproj.</summary>
        public static string NfprojPath(string repoRoot, string project) => Path.Combine(ProjectDir(repoRoot, project), project + ".nfproj");

        /// <summary>
        /// Folder of a project: <c>PodFirmware/Core</c> for <see cref="CoreLibrary"/>, at the root for the other
        /// <see cref="AppProjects"/>, else under tests/.
        /// </summary>
        public static string ProjectDir(string repoRoot, string project) =>
            project == CoreLibrary ? Path.Combine(repoRoot, DeviceApp, "Core")
            : AppProjects.Contains(project) ? Path.Combine(repoRoot, project)
            : Path.Combine(repoRoot, TestsFolder, project);

        private static XElement FindGroup(XDocument doc, string label) =>
            doc.Root.Elements().FirstOrDefault(e => e.Name.LocalName == "ItemGroup" && (string)e.Attribute("Label") == label);
    }
}
