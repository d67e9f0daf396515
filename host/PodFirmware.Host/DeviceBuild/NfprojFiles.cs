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
    /// Each .nfproj has <c>&lt;ItemGroup Label="Portable"&gt;</c> (its own portable files),
    /// <c>Label="DeviceOnly"</c> (its files under a Device/ folder) and, in PodFirmware.Tests only,
    /// <c>Label="PortableLinked"</c>: the portable files of PodFirmware/, compiled into the test
    /// assembly as links because a nanoFramework test project cannot reference an Exe.
    /// </remarks>
    public static class NfprojFiles
    {
        /// <summary>One labelled item group and what it must hold.</summary>
        public sealed record Group(string Project, string Label, IReadOnlyList<string> Expected, string LinkFrom);

        /// <summary>Every labelled group of the three .nfproj projects under <paramref name="repoRoot"/>.</summary>
        public static IReadOnlyList<Group> Groups(string repoRoot)
        {
            var groups = new List<Group>();
            foreach (string project in new[] { "PodFirmware", "PodFirmware.Drivers", "PodFirmware.Tests" })
            {
                string dir = Path.Combine(repoRoot, project);
                groups.Add(new Group(project, "Portable", SourceFiles(dir, deviceOnly: false), null));
                if (project != "PodFirmware.Tests")
                {
                    groups.Add(new Group(project, "DeviceOnly", SourceFiles(dir, deviceOnly: true), null));
                }
            }

            var linked = SourceFiles(Path.Combine(repoRoot, "PodFirmware"), deviceOnly: false).Select(f => @"..\PodFirmware\" + f).ToList();
            groups.Add(new Group("PodFirmware.Tests", "PortableLinked", linked, @"..\PodFirmware\"));
            return groups;
        }

        /// <summary>The .cs files under <paramref name="projectDir"/>, relative with backslashes, ordinally sorted: either the portable ones or those under a Device/ folder.</summary>
        public static IReadOnlyList<string> SourceFiles(string projectDir, bool deviceOnly)
        {
            return Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(projectDir, f).Replace('/', '\\'))
                .Where(f => !f.StartsWith(@"bin\", StringComparison.Ordinal) && !f.StartsWith(@"obj\", StringComparison.Ordinal))
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
                            item.Add(new XText("\n      "), new XElement(ns + "Link", @"PodFirmware\" + file.Substring(g.LinkFrom.Length)), new XText("\n    "));
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
        public static string NfprojPath(string repoRoot, string project) => Path.Combine(repoRoot, project, project + ".nfproj");

        private static XElement FindGroup(XDocument doc, string label) =>
            doc.Root.Elements().FirstOrDefault(e => e.Name.LocalName == "ItemGroup" && (string)e.Attribute("Label") == label);
    }
}
