using System;
using System.Collections.Generic;
using System.Linq;

namespace PodFirmware.Host.Tests.DeviceBuild
{
    /// <summary>
    /// nf-device-config/firmware.tsv: the firmware the pod is flashed with and, per pinned package, its version and
    /// native checksums. The board loads an assembly only when its native checksum equals the one in the
    /// firmware's native table, so a package version must be the one built for the firmware.
    /// </summary>
    public sealed class FirmwarePackages
    {
        /// <summary>One package row.</summary>
        public sealed record Package(string Id, string Version, string Assembly, string Checksum, string FirmwareChecksum);

        /// <summary>Firmware key/value pairs (target, version, nf-interpreter, date).</summary>
        public IReadOnlyDictionary<string, string> Firmware { get; }

        /// <summary>Package rows by id.</summary>
        public IReadOnlyDictionary<string, Package> Packages { get; }

        private FirmwarePackages(Dictionary<string, string> firmware, Dictionary<string, Package> packages)
        {
            Firmware = firmware;
            Packages = packages;
        }

        /// <summary>Parses the table; throws FormatException naming the line on a malformed one.</summary>
        public static FirmwarePackages Parse(string tsv)
        {
            var firmware = new Dictionary<string, string>(StringComparer.Ordinal);
            var packages = new Dictionary<string, Package>(StringComparer.Ordinal);
            string[] lines = tsv.Replace("\r", "").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] f = line.Split('\t');
                if (f[0] == "firmware" && f.Length == 3)
                {
                    firmware[f[1]] = f[2];
                }
                else if (f[0] == "package" && f.Length == 6)
                {
                    packages.Add(f[1], new Package(f[1], f[2], f[3], f[4], f[5]));
                }
                else
                {
                    throw new FormatException("firmware.tsv line " + (i + 1) + " is neither 'firmware key value' nor a 6-field package row: " + line);
                }
            }

            return new FirmwarePackages(firmware, packages);
        }

        /// <summary>Every pin of <paramref name="packagesConfigXml"/> (project <paramref name="project"/>) that the table does not list with the same version.</summary>
        public List<string> CheckPins(string project, string packagesConfigXml)
        {
            var problems = new List<string>();
            foreach (var pin in PackageReferences.ReadPackages(packagesConfigXml))
            {
                if (!Packages.TryGetValue(pin.Key, out Package row))
                {
                    problems.Add(project + "/packages.config: " + pin.Key + " " + pin.Value + " is not in nf-device-config/firmware.tsv, so nothing says it matches firmware " + Firmware.GetValueOrDefault("version"));
                }
                else if (row.Version != pin.Value)
                {
                    problems.Add(project + "/packages.config: " + pin.Key + " is " + pin.Value + ", but firmware " + Firmware.GetValueOrDefault("version") + " needs " + row.Version + " (nf-device-config/firmware.tsv)");
                }
            }

            return problems;
        }

        /// <summary>
        /// Every package whose native checksum differs from the firmware's. There is no exception to mark: the board
        /// refuses such an assembly and PodFirmware with it, so the firmware or the pin must change instead.
        /// </summary>
        public List<string> CheckChecksums()
        {
            var problems = new List<string>();
            foreach (Package p in Packages.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                if (!string.Equals(p.Checksum, p.FirmwareChecksum, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(p.Id + " " + p.Version + ": " + p.Assembly + " has native checksum " + p.Checksum + ", firmware " + Firmware.GetValueOrDefault("version") + " expects " + p.FirmwareChecksum + ": the board refuses it");
                }
            }

            return problems;
        }
    }
}
