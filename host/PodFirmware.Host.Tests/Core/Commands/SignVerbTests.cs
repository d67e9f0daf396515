using System;
using System.CommandLine;
using System.IO;
using System.Text;
using PodFirmware.Core.Commands;
using PodFirmware.Host.Verbs;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Commands
{
    public class SignVerbTests
    {
        private const string KeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

        private static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var root = new RootCommand("test root");
            root.Subcommands.Add(SignVerb.Create());
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (exit, output.ToString(), error.ToString());
        }

        private static string Completed(string json, string pod = "P-017")
        {
            byte[] bytes = SignVerb.Complete(json, pod, "c-9", 1767225600, "0123456789abcdef", out string error);
            Assert.True(bytes != null, error);
            return Encoding.UTF8.GetString(bytes);
        }

        [Fact]
        public void Inserts_the_missing_header_fields_after_the_brace_and_keeps_the_rest_verbatim()
        {
            Assert.Equal("{\"pod\":\"P-017\",\"id\":\"c-9\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\", \"type\" : \"stop\" }",
                Completed("  { \"type\" : \"stop\" }\n"));
        }

        [Fact]
        public void Inserts_only_what_is_missing()
        {
            Assert.Equal("{\"id\":\"c-9\",\"nonce\":\"0123456789abcdef\",\"type\":\"stop\",\"ts\":5,\"pod\":\"P-017\"}",
                Completed("{\"type\":\"stop\",\"ts\":5,\"pod\":\"P-017\"}"));
        }

        [Fact]
        public void Signs_a_complete_command_unchanged_byte_for_byte()
        {
            const string json = "{\"type\":\"stop\",\"nonce\":\"ffffffffffffffff\",\"id\":\"x\",\"ts\":1,\"pod\":\"P-017\"}";
            Assert.Equal(json, Completed(json));
        }

        [Fact]
        public void Completes_an_empty_object_without_a_dangling_comma()
        {
            Assert.Equal("{\"pod\":\"P-017\",\"id\":\"c-9\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\"}", Completed("{}"));
        }

        [Fact]
        public void Escapes_a_pod_id_that_needs_it()
        {
            Assert.StartsWith("{\"pod\":\"P\\\"1\",", Completed("{}", "P\"1"));
        }

        [Theory]
        [InlineData("[1]", "command: must be a JSON object")]
        [InlineData("{\"type\":", "command: invalid JSON at byte 8")]
        [InlineData("{\"pod\":\"P-018\"}", "command: \"pod\" differs from --pod P-017")]
        public void Refuses_what_it_cannot_complete(string json, string expected)
        {
            Assert.Null(SignVerb.Complete(json, "P-017", "c", 1, "0123456789abcdef", out string error));
            Assert.Equal(expected, error);
        }

        [Fact]
        public void Without_ts_nonce_and_id_it_signs_a_command_the_pod_accepts_now()
        {
            var (exit, output, error) = Run("sign", "--key", KeyHex, "--pod", "P-017", "{\"type\":\"start\",\"account\":\"a-1\"}");
            Assert.True(exit == 0, error);
            byte[] envelope = Encoding.ASCII.GetBytes(output);
            var auth = new CommandAuthenticator("P-017", Convert.FromHexString(KeyHex));
            var into = new PodFirmware.Core.Commands.Command();
            Assert.Equal(CommandAuthResult.Ok, auth.Verify(envelope, envelope.Length, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), into));
            Assert.Equal(32, into.Nonce.Length);
            Assert.True(Guid.TryParse(into.Id, out _), into.Id);
            Assert.Equal("a-1", into.Account);

            var (_, second, _) = Run("sign", "--key", KeyHex, "--pod", "P-017", "{\"type\":\"start\",\"account\":\"a-1\"}");
            Assert.NotEqual(output, second);
        }

        [Fact]
        public void Reads_the_key_from_a_file_with_at()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, KeyHex.ToUpperInvariant() + "\n");
                // "--key @path" is expanded by the parser as a response file; "--key=@path" is read by sign itself.
                var (exit, output, error) = Run("sign", "--key", "@" + path, "--pod", "P-017", "--ts", "10", "--nonce", "0123456789abcdef", "--id", "a", "{\"type\":\"stop\"}");
                var (exitEquals, outputEquals, errorEquals) = Run("sign", "--key=@" + path, "--pod", "P-017", "--ts", "10", "--nonce", "0123456789abcdef", "--id", "a", "{\"type\":\"stop\"}");
                var (_, inline, _) = Run("sign", "--key", KeyHex, "--pod", "P-017", "--ts", "10", "--nonce", "0123456789abcdef", "--id", "a", "{\"type\":\"stop\"}");
                Assert.True(exit == 0, error);
                Assert.True(exitEquals == 0, errorEquals);
                Assert.Equal(inline, output);
                Assert.Equal(inline, outputEquals);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData("0011", "the key must be 64 to 128 hex digits (32 to 64 bytes)")]
        [InlineData("@/nonexistent/key.hex", "key file /nonexistent/key.hex not found")]
        public void Refuses_a_bad_key(string key, string expected)
        {
            var (exit, output, error) = Run("sign", "--key=" + key, "--pod", "P-017", "{\"type\":\"stop\"}");
            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Equal("sign: " + expected + Environment.NewLine, error);
        }

        [Fact]
        public void Reports_a_command_the_pod_would_reject_unless_told_not_to_check()
        {
            string[] args = { "sign", "--key", KeyHex, "--pod", "P-017", "--ts", "10", "--nonce", "0123456789abcdef", "--id", "a", "{\"type\":\"set_current_limit\",\"limitA\":16.005}" };
            var (exit, output, error) = Run(args);
            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Contains("the pod would reject this command: invalid_field: field 'limitA'", error);

            var (unchecked_, forced, _) = Run(new[] { "sign", "--no-check" }.Concat(args[1..]));
            Assert.Equal(0, unchecked_);
            Assert.StartsWith("{\"cmd\":\"", forced);
        }

        [Fact]
        public void Kid_names_the_signing_key_and_new_key_wraps_the_next_one_the_pod_rotates_to()
        {
            string next = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
            var (exit, output, error) = Run("sign", "--key", KeyHex, "--kid", "k2", "--pod", "P-017", "--ts", "1767225600", "--nonce", "0123456789abcdef", "--id", "r-1",
                "--new-key", next, "{\"type\":\"rotate_key\",\"keyId\":\"k3\"}");
            Assert.True(exit == 0, error);
            Assert.StartsWith("{\"kid\":\"k2\",\"cmd\":\"", output);

            var keys = new CommandKeys("k2", Convert.FromHexString(KeyHex), 60, null);
            var pod = new CommandAuthenticator("P-017", keys, 120, 8);
            var command = new PodFirmware.Core.Commands.Command();
            byte[] envelope = Encoding.ASCII.GetBytes(output);
            Assert.Equal(CommandAuthResult.Ok, pod.Verify(envelope, envelope.Length, 1767225600, command));
            Assert.Equal(CommandResultCode.Ok, keys.Rotate(command, pod.LastKeyId, 1767225600));
            Assert.Equal("k3", keys.CurrentId);
            Assert.Equal(next, Convert.ToHexString(keys.Find("k3", 1767225600)).ToLowerInvariant());

            Assert.Contains("--kid must be", Run("sign", "--key", KeyHex, "--kid", "k 2", "--pod", "P-017", "{\"type\":\"stop\"}").Err);
            Assert.Contains("--new-key needs", Run("sign", "--key", KeyHex, "--pod", "P-017", "--new-key", next, "{\"type\":\"rotate_key\",\"keyId\":\"k3\",\"key\":\"00\"}").Err);
        }

        [Fact]
        public void Requires_key_and_pod()
        {
            Assert.NotEqual(0, Run("sign", "{\"type\":\"stop\"}").Exit);
            Assert.NotEqual(0, Run("sign", "--key", KeyHex, "{\"type\":\"stop\"}").Exit);
        }
    }

    internal static class ArrayConcat
    {
        public static string[] Concat(this string[] first, string[] second)
        {
            var all = new string[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            return all;
        }
    }
}
