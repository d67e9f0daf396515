using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Docs
{
    /// <summary>Relative links in the project's markdown must point at files that exist.</summary>
    public class MarkdownLinkTests
    {
        /// <summary>
        /// The relative link targets in <paramref name="markdown"/>, fragment removed; links inside fenced code blocks,
        /// absolute URLs and same-page anchors are left out.
        /// </summary>
        public static List<string> RelativeLinks(string markdown)
        {
            string text = Regex.Replace(markdown.Replace("\r\n", "\n"), @"^```.*?^```[ \t]*$", "", RegexOptions.Multiline | RegexOptions.Singleline);
            var targets = new List<string>();
            foreach (Match m in Regex.Matches(text, @"\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)"))
            {
                string target = m.Groups[1].Value;
                if (target.StartsWith("#", StringComparison.Ordinal) || Regex.IsMatch(target, @"^[a-zA-Z][a-zA-Z0-9+.-]*:"))
                {
                    continue;
                }

                int hash = target.IndexOf('#');
                targets.Add(Uri.UnescapeDataString(hash >= 0 ? target.Substring(0, hash) : target));
            }

            return targets;
        }

        /// <summary>README.md, docs/*.md and every component README.md (build output left out).</summary>
        public static IEnumerable<string> MarkdownFiles()
        {
            string root = RepoPaths.Root;
            yield return Path.Combine(root, "README.md");
            foreach (string doc in Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            {
                yield return doc;
            }

            foreach (string readme in Directory.GetFiles(root, "README.md", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, readme).Replace('\\', '/');
                if (relative != "README.md" && !Regex.IsMatch(relative, @"(^|/)(artifacts|bin|obj|\.git)/"))
                {
                    yield return readme;
                }
            }
        }

        [Fact]
        public void The_readme_links_every_page_in_docs()
        {
            var linked = new HashSet<string>(RelativeLinks(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"))), StringComparer.Ordinal);
            string[] missing = Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md")
                .Select(f => "docs/" + Path.GetFileName(f))
                .Where(d => !linked.Contains(d))
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToArray();
            Assert.True(missing.Length == 0, "README.md's documentation list does not link:\n  " + string.Join("\n  ", missing));
        }

        [Fact]
        public void Link_extraction_keeps_relative_files_and_drops_urls_anchors_and_code()
        {
            var links = RelativeLinks("See [a](docs/a.md#x), [b](https://e.org/b.md), [c](#top), ![d](img/d.png \"t\").\n```\n[e](nowhere.md)\n```\n");
            Assert.Equal(new[] { "docs/a.md", "img/d.png" }, links);
        }

        [Fact]
        public void Every_relative_link_in_the_docs_and_readmes_points_at_an_existing_file()
        {
            var broken = new List<string>();
            int checkedLinks = 0;
            foreach (string file in MarkdownFiles())
            {
                string directory = Path.GetDirectoryName(file);
                foreach (string target in RelativeLinks(File.ReadAllText(file)))
                {
                    checkedLinks++;
                    string full = Path.GetFullPath(Path.Combine(directory, target));
                    if (!File.Exists(full) && !Directory.Exists(full))
                    {
                        broken.Add(Path.GetRelativePath(RepoPaths.Root, file) + ": " + target);
                    }
                }
            }

            Assert.True(broken.Count == 0, "broken relative links:\n  " + string.Join("\n  ", broken));
            Assert.True(checkedLinks > 10, "expected the docs to link each other; checked only " + checkedLinks + " links");
        }
    }
}
