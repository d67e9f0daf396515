using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PodFirmware.Core.Commands;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Verbs;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Commands
{
    /// <summary>
    /// docs/mqtt-signing.md is the contract for the back end's signer: its worked example is run
    /// through the same code path as <c>./pod sign</c> and must come out byte for byte.
    /// </summary>
    public class SigningDocTests
    {
        private static readonly string DocPath = Path.Combine(RepoPaths.Root, "docs", "mqtt-signing.md");

        /// <summary>The body of the fenced block whose info string ends with <paramref name="tag"/>, without the final newline.</summary>
        private static string Block(string tag)
        {
            string doc = File.ReadAllText(DocPath).Replace("\r\n", "\n");
            Match m = Regex.Match(doc, "^```[a-z]* " + Regex.Escape(tag) + "\n(.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline);
            Assert.True(m.Success, "docs/mqtt-signing.md has no ``` block tagged " + tag);
            return m.Groups[1].Value;
        }

        /// <summary>Splits a shell line into words: spaces separate, single quotes keep everything literally.</summary>
        private static List<string> ShellWords(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            bool inWord = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '\'')
                {
                    int end = line.IndexOf('\'', i + 1);
                    Assert.True(end > i, "unbalanced quote in the documented invocation");
                    word.Append(line, i + 1, end - i - 1);
                    inWord = true;
                    i = end;
                }
                else if (c == ' ')
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    Assert.True(c != '"' && c != '\\' && c != '$', "the documented invocation uses only single quotes");
                    word.Append(c);
                    inWord = true;
                }
            }

            if (inWord)
            {
                words.Add(word.ToString());
            }

            return words;
        }

        /// <summary>Runs the documented <c>./pod ...</c> line through the host program's verb; returns stdout.</summary>
        private static string RunDocumentedInvocation()
        {
            List<string> words = ShellWords(Block("example-invocation"));
            Assert.Equal("./pod", words[0]);
            var root = new RootCommand("test root");
            root.Subcommands.Add(SignVerb.Create());
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = root.Parse(words.Skip(1).ToArray()).Invoke(new InvocationConfiguration { Output = output, Error = error });
            Assert.True(exit == 0, "exit " + exit + ": " + error);
            Assert.Equal("", error.ToString());
            return output.ToString();
        }

        [Fact]
        public void The_worked_example_envelope_is_what_pod_sign_prints_byte_for_byte()
        {
            Assert.Equal(Block("example-envelope"), RunDocumentedInvocation());
        }

        [Fact]
        public void The_rotation_example_wraps_as_the_doc_says_by_the_pod_and_by_an_independent_HMAC()
        {
            byte[] key = Convert.FromHexString(Block("example-key"));
            byte[] newKey = Convert.FromHexString(Block("rotation-new-key"));
            const string nonce = "0123456789abcdef0123456789abcdef";
            Assert.Contains("the nonce\n`" + nonce + "`", File.ReadAllText(DocPath).Replace("\r\n", "\n"));
            Assert.Equal(Block("rotation-wrapped"), Convert.ToHexString(CommandKeys.Wrap(key, nonce, newKey)).ToLowerInvariant());
            using var hmac = new HMACSHA256(key);
            byte[] stream = hmac.ComputeHash(Encoding.ASCII.GetBytes("pod-key-wrap:" + nonce + ":0"));
            Assert.Equal(Block("rotation-wrapped"), Convert.ToHexString(newKey.Select((b, i) => (byte)(b ^ stream[i])).ToArray()).ToLowerInvariant());
        }

        [Fact]
        public void A_64_byte_key_is_wrapped_with_two_blocks_of_the_stream()
        {
            byte[] key = Convert.FromHexString(Block("example-key"));
            byte[] newKey = Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray();
            using var hmac = new HMACSHA256(key);
            byte[] stream = hmac.ComputeHash(Encoding.ASCII.GetBytes("pod-key-wrap:n1:0")).Concat(hmac.ComputeHash(Encoding.ASCII.GetBytes("pod-key-wrap:n1:1"))).ToArray();
            Assert.Equal(newKey.Select((b, i) => (byte)(b ^ stream[i])).ToArray(), CommandKeys.Wrap(key, "n1", newKey));
        }

        [Fact]
        public void The_worked_example_is_consistent_by_independent_base64_and_HMAC()
        {
            byte[] key = Convert.FromHexString(Block("example-key"));
            Assert.Contains("--key " + Block("example-key") + " ", Block("example-invocation"));
            byte[] command = Encoding.UTF8.GetBytes(Block("example-command"));

            using var doc = System.Text.Json.JsonDocument.Parse(Block("example-envelope"));
            Assert.Equal(new[] { "cmd", "sig" }, doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(Convert.ToBase64String(command), doc.RootElement.GetProperty("cmd").GetString());
            using var hmac = new HMACSHA256(key);
            Assert.Equal(Convert.ToHexString(hmac.ComputeHash(command)).ToLowerInvariant(), doc.RootElement.GetProperty("sig").GetString());

            Match stated = Regex.Match(File.ReadAllText(DocPath), @"inserted; (\d+) bytes\)");
            Assert.True(stated.Success, "the doc states the command's length");
            Assert.Equal(command.Length, int.Parse(stated.Groups[1].Value));
        }

        [Fact]
        public void Every_pod_id_and_config_key_the_doc_names_is_one_the_config_loader_accepts()
        {
            string doc = File.ReadAllText(DocPath);
            // Every pod id in an example (placeholders such as <podId> are not ids).
            var ids = Regex.Matches(doc, @"(?:--pod |""pod"":""|pod '|A pod `)([a-zA-Z0-9-]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Contains("pod-017", ids);
            foreach (string id in ids)
            {
                var config = new PodFirmware.Core.Config.PodConfig { PodId = id, SiteId = "site-a", ParkingSpace = 1 };
                config.Commands.KeyHex = Block("example-key");
                Assert.DoesNotContain("podId:", config.Validate().ToString());
            }

            Assert.DoesNotContain("<prefix>", doc);
            foreach (Match key in Regex.Matches(doc, @"`(commands\.[a-zA-Z]+)`"))
            {
                Assert.Contains("| `" + key.Groups[1].Value + "` |", File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "config.md")));
            }
        }

        [Fact]
        public void The_pod_accepts_the_worked_example_once_as_the_doc_says()
        {
            byte[] key = Convert.FromHexString(Block("example-key"));
            byte[] envelope = Encoding.ASCII.GetBytes(Block("example-envelope"));
            var auth = new CommandAuthenticator("pod-017", key);
            var into = new PodFirmware.Core.Commands.Command();
            Assert.Equal(CommandAuthResult.Ok, auth.Verify(envelope, envelope.Length, 1767225600 + 120, into));
            Assert.Equal(CommandType.SetCurrentLimit, into.Type);
            Assert.Equal(1650L, into.LimitAScaled);
            Assert.Equal(CommandAuthResult.Replayed, auth.Verify(envelope, envelope.Length, 1767225600, into));
            Assert.Equal(CommandAuthResult.Expired, new CommandAuthenticator("pod-017", key).Verify(envelope, envelope.Length, 1767225600 + 121, into));
        }

        [Fact]
        public void The_result_code_table_lists_every_result_by_its_wire_name()
        {
            string doc = File.ReadAllText(DocPath);
            foreach (CommandAuthResult result in Enum.GetValues<CommandAuthResult>())
            {
                Assert.Contains("| `" + CommandAuthenticator.ResultName(result) + "` | `" + result + "` |", doc);
            }
        }

        [Fact]
        public void The_type_table_lists_every_command_type()
        {
            string doc = File.ReadAllText(DocPath);
            foreach (CommandType type in Enum.GetValues<CommandType>())
            {
                if (type != CommandType.None)
                {
                    Assert.Contains("| `" + CommandTypeNames.Name(type) + "` |", doc);
                }
            }
        }
    }
}
