using System;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Core.Commands;
using PodFirmware.Host.Tests.Json;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Commands
{
    /// <summary>
    /// The authenticator faces the network: for any bytes it must return a defined result with a
    /// reason and never throw, and no mutation of a genuine payload may be accepted unless it still
    /// carries the genuine cmd and sig.
    /// </summary>
    public class CommandAuthenticatorFuzzTests
    {
        private const long Now = 1767225600;
        private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();

        private static readonly string[] Commands =
        {
            "{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"start\",\"account\":\"acct-42\",\"limitA\":16.5,\"tariffPerKwh\":0.315}",
            "{\"pod\":\"P-017\",\"id\":\"c-2\",\"ts\":1767225600,\"nonce\":\"0123456789abcdee\",\"type\":\"reserve\",\"account\":\"a\",\"durationS\":900}",
            "{\"pod\":\"P-017\",\"id\":\"c-3\",\"ts\":1767225600,\"nonce\":\"0123456789abcded\",\"type\":\"set_current_limit\",\"limitA\":6}",
            "{\"pod\":\"P-017\",\"id\":\"c-4\",\"ts\":1767225600,\"nonce\":\"0123456789abcdec\",\"type\":\"get_status\"}",
        };

        private static byte[] Envelope(int index)
        {
            byte[] json = Encoding.UTF8.GetBytes(Commands[index]);
            return CommandSigner.Sign(Key, json, json.Length);
        }

        private static bool Defined(CommandAuthResult result, CommandAuthenticator auth, PodFirmware.Core.Commands.Command into)
        {
            bool known = Enum.IsDefined(result) && CommandAuthenticator.ResultName(result) != "unknown" && !string.IsNullOrEmpty(auth.LastReason);
            bool cleared = result == CommandAuthResult.Ok || (into.Type == CommandType.None && into.Id == null);
            return known && cleared;
        }

        [Fact]
        public void Random_payloads_never_throw_and_always_give_a_defined_rejection()
        {
            var auth = new CommandAuthenticator("P-017", Key);
            var into = new PodFirmware.Core.Commands.Command();
            var gen = Gen.Choose(0, 2100).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Arb.From(gen), bytes =>
            {
                CommandAuthResult result = auth.Verify(bytes, bytes.Length, Now, into);
                return result != CommandAuthResult.Ok && Defined(result, auth, into);
            }));
            Assert.Equal(0, auth.RememberedCount);
        }

        [Fact]
        public void Mutated_genuine_payloads_are_accepted_only_when_cmd_and_sig_survive_intact()
        {
            var into = new PodFirmware.Core.Commands.Command();
            int runs = 0;
            int accepted = 0;
            var gen = Gen.Choose(0, Commands.Length - 1).SelectMany(i => Gen.Choose(1, 4).SelectMany(count => Gen.ArrayOf(Gen.Choose(0, int.MaxValue), count * 3)
                .Select(randoms => (Index: i, Bytes: JsonReaderFuzzTests.Mutate(Envelope(i), randoms)))));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(20000), Prop.ForAll(Arb.From(gen), sample =>
            {
                // A fresh pod per sample: otherwise replay protection, not the signature, would reject repeats.
                var auth = new CommandAuthenticator("P-017", Key);
                CommandAuthResult result = auth.Verify(sample.Bytes, sample.Bytes.Length, Now, into);
                runs++;
                if (result != CommandAuthResult.Ok)
                {
                    return Defined(result, auth, into) && auth.RememberedCount == 0;
                }

                accepted++;
                return CarriesGenuineCmdAndSig(sample.Bytes, Envelope(sample.Index)) && into.Id == "c-" + (sample.Index + 1);
            }));

            // Some mutants must reach the signature and beyond, or the property tests only the parser.
            Assert.True(runs > 0 && accepted < runs, accepted + " of " + runs + " accepted");
        }

        [Fact]
        public void Mutated_commands_signed_with_the_right_key_never_throw()
        {
            var into = new PodFirmware.Core.Commands.Command();
            int ok = 0;
            var gen = Gen.Choose(0, Commands.Length - 1).SelectMany(i => Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(Gen.Choose(0, int.MaxValue), count * 3)
                .Select(randoms => JsonReaderFuzzTests.Mutate(Encoding.UTF8.GetBytes(Commands[i]), randoms))));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(20000), Prop.ForAll(Arb.From(gen), json =>
            {
                var auth = new CommandAuthenticator("P-017", Key);
                byte[] envelope = CommandSigner.Sign(Key, json, json.Length);
                CommandAuthResult result = auth.Verify(envelope, envelope.Length, Now, into);
                ok += result == CommandAuthResult.Ok ? 1 : 0;
                return result != CommandAuthResult.BadSignature && Defined(result, auth, into) && (result == CommandAuthResult.Ok) == (auth.RememberedCount == 1);
            }));
            Assert.True(ok > 0, "some mutants are still valid commands");
        }

        private static bool CarriesGenuineCmdAndSig(byte[] mutated, byte[] genuine)
        {
            using var a = System.Text.Json.JsonDocument.Parse(mutated);
            using var b = System.Text.Json.JsonDocument.Parse(genuine);
            return a.RootElement.GetProperty("cmd").GetString() == b.RootElement.GetProperty("cmd").GetString()
                && a.RootElement.GetProperty("sig").GetString() == b.RootElement.GetProperty("sig").GetString();
        }
    }
}
