using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PodFirmware.Host.Tests.DeviceBuild
{
    /// <summary>
    /// Cross-checks a device project's packages.config against its .nfproj References and the package versions
    /// that shared/nanoframework/README.md names (the versions api-v1.tsv was compiled from). Nothing here builds
    /// on the host, so a HintPath naming a package or version that NuGet never restores would only show on a
    /// Windows build with the nanoFramework extension.
    /// </summary>
    public static class PackageReferences
    {
        /// <summary>Packages the README names only as "the latest 1.x": the version this repository pins.</summary>
        public static readonly IReadOnlyDictionary<string, string> PinnedLatest = new Dictionary<string, string>
        {
            ["nanoFramework.System.Security.Cryptography"] = "1.0.43",
        };

        private static readonly Regex HintFolder = new(@"^(?:\.\.\\)+packages\\([^\\]+)\\", RegexOptions.CultureInvariant);
        private static readonly Regex NamedVersion = new(@"\b([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*) (\d+\.\d+\.\d+)\b", RegexOptions.CultureInvariant);

        /// <summary>Package id to version from a packages.config text.</summary>
        public static Dictionary<string, string> ReadPackages(string packagesConfigXml)
        {
            return XDocument.Parse(packagesConfigXml).Root.Elements("package")
                .ToDictionary(p => (string)p.Attribute("id"), p => (string)p.Attribute("version"), StringComparer.Ordinal);
        }

        /// <summary>Every (Reference Include, HintPath) of an .nfproj text.</summary>
        public static List<(string Include, string HintPath)> ReadReferences(string nfprojXml)
        {
            XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
            return XDocument.Parse(nfprojXml).Descendants(ns + "Reference")
                .Select(r => ((string)r.Attribute("Include"), (string)r.Element(ns + "HintPath") ?? ""))
                .ToList();
        }

        /// <summary>
        /// Package id ("nanoFramework." + the README's name) to version, for every "Name 1.2.3" in the README text;
        /// plus <see cref="PinnedLatest"/>.
        /// </summary>
        public static Dictionary<string, string> ReadExpectedVersions(string readmeText)
        {
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in NamedVersion.Matches(readmeText))
            {
                expected["nanoFramework." + m.Groups[1].Value] = m.Groups[2].Value;
            }

            foreach (var pinned in PinnedLatest)
            {
                expected[pinned.Key] = pinned.Value;
            }

            return expected;
        }

        /// <summary>Every problem found, one line each; empty when the three sources agree.</summary>
        public static List<string> Check(string project, string packagesConfigXml, string nfprojXml, IReadOnlyDictionary<string, string> expectedVersions)
        {
            var problems = new List<string>();
            var packages = ReadPackages(packagesConfigXml);
            var folders = packages.ToDictionary(p => p.Key + "." + p.Value, p => p.Key, StringComparer.Ordinal);
            var referenced = new HashSet<string>(StringComparer.Ordinal);

            foreach (var (include, hintPath) in ReadReferences(nfprojXml))
            {
                var m = HintFolder.Match(hintPath);
                if (!m.Success)
                {
                    problems.Add(project + ".nfproj: Reference " + include + " has no ..\\packages\\<id>.<version>\\ HintPath ('" + hintPath + "')");
                    continue;
                }

                if (folders.TryGetValue(m.Groups[1].Value, out var id))
                {
                    referenced.Add(id);
                }
                else
                {
                    problems.Add(project + ".nfproj: Reference " + include + " points into " + m.Groups[1].Value + ", which is no package+version of " + project + "/packages.config");
                }
            }

            foreach (var package in packages)
            {
                if (!referenced.Contains(package.Key))
                {
                    problems.Add(project + "/packages.config: " + package.Key + " " + package.Value + " is referenced by no <Reference> of " + project + ".nfproj");
                }

                if (expectedVersions.TryGetValue(package.Key, out var version) && version != package.Value)
                {
                    problems.Add(project + "/packages.config: " + package.Key + " is " + package.Value + ", shared/nanoframework/README.md names " + version);
                }
            }

            return problems;
        }

        /// <summary>Checks one project of the repository at <paramref name="root"/>.</summary>
        public static List<string> CheckProject(string root, string project, IReadOnlyDictionary<string, string> expectedVersions)
        {
            return Check(
                project,
                File.ReadAllText(Path.Combine(PodFirmware.Host.DeviceBuild.NfprojFiles.ProjectDir(root, project), "packages.config")),
                File.ReadAllText(PodFirmware.Host.DeviceBuild.NfprojFiles.NfprojPath(root, project)),
                expectedVersions);
        }
    }
}
