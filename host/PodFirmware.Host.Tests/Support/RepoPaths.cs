using System;
using System.IO;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>Locates the repository and the shared/ folder beside it from the test's output folder.</summary>
    public static class RepoPaths
    {
        /// <summary>The repository root: the nearest ancestor holding the <c>pod</c> entry script.</summary>
        public static string Root { get; } = FindRoot();

        /// <summary>shared/nanoframework/api-v1.tsv, which sits beside the repository.</summary>
        public static string ApiListing => Path.GetFullPath(Path.Combine(Root, "..", "shared", "nanoframework", "api-v1.tsv"));

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "pod")) && Directory.Exists(Path.Combine(dir.FullName, "PodFirmware")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root (a folder with ./pod and PodFirmware/) not found above " + AppContext.BaseDirectory);
        }
    }
}
