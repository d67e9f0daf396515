using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Fuzz
{
    /// <summary>
    /// Fuzzes the components that read untrusted input: the command reader and authenticator, the config loader, the
    /// scenario parser and the NMEA parser. Each gets structure-aware inputs (mutations of valid documents; for commands,
    /// hostile bodies under a valid signature) and raw bytes, from a fixed seed, then replays its corpus folder
    /// (<c>Fuzz/corpus/{target}/</c>). The rules: no exception escapes the component, every refusal is named, and an
    /// invalid command is never accepted. A failing input is written to the corpus, so it is replayed from then on.
    /// </summary>
    /// <remarks>
    /// Inputs per target: <c>POD_FUZZ_INPUTS</c> (default 20,000, the CI form in <c>./pod test</c>); the full form is
    /// <c>POD_FUZZ_INPUTS=1000000 dotnet test host/PodFirmware.Host.Tests -c Release --filter FullyQualifiedName~Fuzz</c>.
    /// </remarks>
    public sealed class FuzzTests
    {
        private const string Pod = "P-017";
        private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        private static readonly long NowS = 1_800_000_000;

        private static int Inputs
        {
            get
            {
                string value = Environment.GetEnvironmentVariable("POD_FUZZ_INPUTS");
                return int.TryParse(value, out int n) && n > 0 ? n : 20000;
            }
        }

        private static string CorpusDir(string target) => Path.Combine(RepoPaths.Root, "host", "PodFirmware.Host.Tests", "Fuzz", "corpus", target);

        private static IEnumerable<byte[]> Corpus(string target)
        {
            string dir = CorpusDir(target);
            return Directory.Exists(dir) ? Directory.GetFiles(dir).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes) : Array.Empty<byte[]>();
        }

        /// <summary>Runs <paramref name="check"/> on every input; the first failure is saved to the corpus and reported.</summary>
        private static void Run(string target, IEnumerable<byte[]> inputs, Func<byte[], string> check)
        {
            int count = 0;
            foreach (byte[] input in inputs)
            {
                string failure;
                try
                {
                    failure = check(input);
                }
                catch (Exception e)
                {
                    failure = "escaped: " + e.GetType().Name + ": " + e.Message;
                }

                if (failure != null)
                {
                    string name = "found-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input), 0, 8).ToLowerInvariant();
                    Directory.CreateDirectory(CorpusDir(target));
                    File.WriteAllBytes(Path.Combine(CorpusDir(target), name), input);
                    Assert.Fail(target + " input " + count + " (saved as corpus/" + target + "/" + name + "): " + failure);
                }

                count++;
            }

            Assert.True(count > 0);
        }

        // ---------------------------------------------------------------- mutations

        private static byte[] Mutate(Random random, byte[] seed)
        {
            var bytes = new List<byte>(seed);
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
                switch (random.Next(8))
                {
                    case 0 when bytes.Count > 0:
                        bytes[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1 when bytes.Count > 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 2 when bytes.Count > 0:
                        bytes.RemoveAt(at);
                        break;
                    case 3:
                        bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                        break;
                    case 4 when bytes.Count > 0:
                        bytes.RemoveRange(at, bytes.Count - at);
                        break;
                    case 5:
                        byte[] token = Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
                        bytes.InsertRange(at, token);
                        break;
                    case 6 when bytes.Count > 1:
                        int len = Math.Min(bytes.Count - at, 1 + random.Next(16));
                        bytes.InsertRange(at, bytes.GetRange(at, len));
                        break;
                    default:
                        // replace a digit run with an extreme number
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(Numbers[random.Next(Numbers.Length)]));
                        break;
                }
            }

            return bytes.ToArray();
        }

        private static readonly byte[] Interesting = { 0, 0x7F, 0x80, 0xFF, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)',', (byte)':', (byte)'\n', (byte)'*', (byte)'$', 0xC3, 0xF0 };
        private static readonly string[] Tokens = { "\"", "\\u0000", "\\ud83d", "null", "true", "{}", "[]", "[[[[[[[[[[", "{\"a\":", "\u00e9", "\U0001F600", ",,", "*7F", "$GPGGA,", "\r\n", "#" };
        private static readonly string[] Numbers = { "-1", "0", "1e308", "-1e308", "NaN", "Infinity", "9223372036854775807", "-9223372036854775809", "1.0000000000000000001", "0x10", "1e-400", "00", "+1", "-0" };

        private static byte[] RawBytes(Random random)
        {
            var bytes = new byte[random.Next(300)];
            random.NextBytes(bytes);
            return bytes;
        }

        private static IEnumerable<byte[]> Generate(int seed, byte[][] seeds, Func<Random, byte[]> structured)
        {
            var random = new Random(seed);
            int n = Inputs;
            for (int i = 0; i < n; i++)
            {
                switch (i % 3)
                {
                    case 0:
                        yield return structured != null ? structured(random) : Mutate(random, seeds[random.Next(seeds.Length)]);
                        break;
                    case 1:
                        yield return Mutate(random, seeds[random.Next(seeds.Length)]);
                        break;
                    default:
                        yield return RawBytes(random);
                        break;
                }
            }
        }

        // ---------------------------------------------------------------- command reader + authenticator

        private static readonly string[] CommandSeeds =
        {
            "{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1800000000,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}",
            "{\"pod\":\"P-017\",\"id\":\"c-2\",\"ts\":1800000000,\"nonce\":\"0123456789abcdee\",\"type\":\"start\",\"account\":\"acct-9\",\"limitA\":16.00,\"tariffPerKwh\":0.3150,\"maxEnergyKwh\":20.000,\"maxDurationS\":3600}",
            "{\"pod\":\"P-017\",\"id\":\"c-3\",\"ts\":1800000000,\"nonce\":\"0123456789abcded\",\"type\":\"set_current_limit\",\"limitA\":10.5}",
            "{\"pod\":\"P-017\",\"id\":\"c-4\",\"ts\":1800000000,\"nonce\":\"0123456789abcdec\",\"type\":\"unlock\",\"account\":\"ops\"}",
            "{\"pod\":\"P-017\",\"id\":\"c-5\",\"ts\":1800000000,\"nonce\":\"0123456789abcdeb\",\"type\":\"reserve\",\"account\":\"a\",\"durationS\":600}",
        };

        private static byte[] Sign(byte[] body) => CommandSigner.Sign(Key, body, body.Length);

        private static string CheckCommand(byte[] envelope, bool signedByUs)
        {
            // a fresh authenticator each time, so replay bookkeeping of one input cannot hide another's outcome
            var authenticator = new CommandAuthenticator(Pod, Key);
            var command = new Command();
            CommandAuthResult result = authenticator.Verify(envelope, envelope.Length, NowS, command);
            if (result == CommandAuthResult.Ok)
            {
                if (command.Type == CommandType.None || command.PodId != Pod || string.IsNullOrEmpty(command.Id) || command.Nonce == null)
                {
                    return "accepted an invalid command: type " + command.Type + ", pod " + command.PodId + ", id " + command.Id;
                }

                return signedByUs ? null : "accepted a command nobody signed";
            }

            string name = CommandAuthenticator.ResultName(result);
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(authenticator.LastReason))
            {
                return "unnamed refusal " + (int)result;
            }

            return null;
        }

        [Fact]
        public void Command_authenticator_valid_signatures_on_hostile_bodies()
        {
            byte[][] seeds = CommandSeeds.Select(Encoding.UTF8.GetBytes).ToArray();
            Run("command", Generate(1, seeds, r => Mutate(r, seeds[r.Next(seeds.Length)])).Select(Sign), e => CheckCommand(e, true));
        }

        [Fact]
        public void Command_authenticator_raw_and_mutated_envelopes()
        {
            byte[][] seeds = CommandSeeds.Select(s => Sign(Encoding.UTF8.GetBytes(s))).ToArray();
            var originals = new HashSet<string>(seeds.Select(Convert.ToBase64String));

            // a mutated envelope may only be accepted when it still carries an original signed command untouched
            Run("command", Generate(2, seeds, null).Concat(Corpus("command")), e =>
            {
                string failure = CheckCommand(e, true);
                if (failure != null)
                {
                    return failure;
                }

                var command = new Command();
                if (new CommandAuthenticator(Pod, Key).Verify(e, e.Length, NowS, command) == CommandAuthResult.Ok &&
                    !CommandSeeds.Any(s => s.Contains("\"id\":\"" + command.Id + "\"", StringComparison.Ordinal)))
                {
                    return "accepted a command that was never signed: " + command.Id;
                }

                return null;
            });
        }

        // ---------------------------------------------------------------- config loader

        [Fact]
        public void Config_loader_never_throws_and_names_every_problem()
        {
            string configDir = Path.Combine(RepoPaths.Root, "scenarios", "configs");
            byte[][] seeds = Directory.GetFiles(configDir, "*.json").OrderBy(f => f, StringComparer.Ordinal).Take(8).Select(File.ReadAllBytes).ToArray();
            Assert.NotEmpty(seeds);
            var parser = new ConfigFile.Parser();
            Run("config", Generate(3, seeds, null).Concat(Corpus("config")), input =>
            {
                PodConfigLoader loader = PodConfigLoader.Load(Encoding.UTF8.GetString(input), parser);
                if (loader.Config == null)
                {
                    return "no config to run";
                }

                return loader.Problem != null && loader.Problem.Length == 0 ? "unnamed problem" : null;
            });
        }

        // ---------------------------------------------------------------- scenario parser

        [Fact]
        public void Scenario_parser_refuses_with_a_named_line_and_never_throws_anything_else()
        {
            byte[][] seeds = Directory.GetFiles(Path.Combine(RepoPaths.Root, "scenarios"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
            Assert.NotEmpty(seeds);
            Run("scenario", Generate(4, seeds, null).Concat(Corpus("scenario")), input =>
            {
                try
                {
                    ScenarioParser.Parse(Encoding.UTF8.GetString(input));
                    return null;
                }
                catch (ScenarioException e)
                {
                    return string.IsNullOrEmpty(e.Message) ? "unnamed refusal" : null;
                }
            });
        }

        // ---------------------------------------------------------------- NMEA parser

        private static readonly string[] NmeaSeeds =
        {
            "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n",
            "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n",
            "$GNRMC,001031.00,A,4404.13993,N,12118.86023,W,0.146,,100117,,,A*7B\r\n",
            "$GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00*74\r\n",
        };

        [Fact]
        public void Nmea_parser_never_throws_and_names_every_rejection()
        {
            byte[][] seeds = NmeaSeeds.Select(Encoding.ASCII.GetBytes).ToArray();
            Run("nmea", Generate(5, seeds, null).Concat(Corpus("nmea")), input =>
            {
                var parser = new NmeaParser();
                int rejectedBefore = 0;
                for (int i = 0; i < input.Length; i++)
                {
                    parser.Feed(input[i], i);
                    if (parser.SentencesRejected != rejectedBefore)
                    {
                        rejectedBefore = parser.SentencesRejected;
                        if (parser.LastReject == NmeaReject.None)
                        {
                            return "unnamed rejection";
                        }
                    }
                }

                parser.Feed(Encoding.ASCII.GetBytes("\r\n"), 0, 2, input.Length);
                return null;
            });
        }
    }
}
