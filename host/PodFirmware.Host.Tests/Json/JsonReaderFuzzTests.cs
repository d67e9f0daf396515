using System;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Json;
using Xunit;

namespace PodFirmware.Host.Tests.Json
{
    /// <summary>
    /// Random and mutated inputs: the reader must never throw, must always answer ok or an error
    /// with a position inside the input, and must never accept what System.Text.Json rejects.
    /// </summary>
    public class JsonReaderFuzzTests
    {
        private static readonly string[] Seeds =
        {
            "{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"set_current_limit\",\"limitA\":16.5}",
            "{\"a\":[1,-2.5e3,true,false,null,\"\\u00e9\\uffff\"],\"b\":{\"c\":{\"d\":\"x\\n\"}}}",
            "[0,-0,1e18,-9223372036854775808,\"caf\u00e9 \u20ac \uffee\",{}]",
            "{\"cmd\":\"eyJhIjoxfQ==\",\"sig\":\"00ff\"}",
        };

        private static readonly byte[] Interesting = Encoding.UTF8.GetBytes("{}[]\":,\\ -+.0123456789eEtrufalsn\u00e9\ud83d\ude00")
            .Concat(new byte[] { 0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF }).ToArray();

        private static Gen<byte[]> RandomBytes()
        {
            return Gen.Choose(0, 2100).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));
        }

        private static Gen<byte[]> MutatedSeeds()
        {
            return Gen.Choose(0, Seeds.Length - 1).SelectMany(seed => Gen.Choose(1, 6).SelectMany(count => Gen.ArrayOf(Gen.Choose(0, int.MaxValue), count * 3)
                .Select(randoms => Mutate(Encoding.UTF8.GetBytes(Seeds[seed]), randoms))));
        }

        /// <summary>Applies one edit per three random numbers: flip a byte, insert an interesting byte, delete, or duplicate a span.</summary>
        internal static byte[] Mutate(byte[] input, int[] randoms)
        {
            var bytes = input.ToList();
            for (int i = 0; i + 2 < randoms.Length; i += 3)
            {
                int at = bytes.Count == 0 ? 0 : randoms[i + 1] % bytes.Count;
                switch (randoms[i] % 5)
                {
                    case 0:
                        if (bytes.Count > 0)
                        {
                            bytes[at] = (byte)(bytes[at] ^ (1 << (randoms[i + 2] % 8)));
                        }

                        break;
                    case 1:
                        bytes.Insert(at, Interesting[randoms[i + 2] % Interesting.Length]);
                        break;
                    case 2:
                        if (bytes.Count > 0)
                        {
                            bytes.RemoveAt(at);
                        }

                        break;
                    case 3:
                        if (bytes.Count > 0)
                        {
                            bytes[at] = Interesting[randoms[i + 2] % Interesting.Length];
                        }

                        break;
                    default:
                        int length = Math.Min(bytes.Count - at, 1 + (randoms[i + 2] % 16));
                        bytes.InsertRange(at, bytes.GetRange(at, length));
                        break;
                }
            }

            return bytes.ToArray();
        }

        /// <summary>Parses, checks the outcome is coherent, and exercises every getter on an accepted document.</summary>
        internal static bool Coherent(JsonReader reader, byte[] input)
        {
            bool ok = reader.TryParse(input, input.Length, out string error);
            if (!ok)
            {
                return error != null && reader.Error != JsonError.None && reader.ErrorOffset >= 0 && reader.ErrorOffset <= input.Length && !reader.IsParsed;
            }

            if (error != null || reader.Error != JsonError.None || !reader.IsParsed)
            {
                return false;
            }

            if (!AcceptedBySystemTextJson(input))
            {
                return false;
            }

            int members = reader.MemberCount("");
            for (int i = 0; i < members; i++)
            {
                string name = reader.MemberName("", i);
                reader.GetString(name, out _);
                reader.GetLong(name, out _);
                reader.GetDecimal(name, 2, out _);
                reader.GetBool(name, out _);
                reader.GetChars(name, new char[8], out _);
                reader.MemberCount(name);
                reader.MemberName(name, 0);
                reader.KindOf(name + ".x");
            }

            return true;
        }

        private static bool AcceptedBySystemTextJson(byte[] input)
        {
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(input, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
                return true;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }

        [Fact]
        public void Random_bytes_never_throw_and_always_give_ok_or_an_error()
        {
            var reader = new JsonReader();
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Arb.From(RandomBytes()), bytes => Coherent(reader, bytes)));
        }

        [Fact]
        public void Mutated_valid_documents_never_throw_and_are_never_accepted_when_System_Text_Json_rejects_them()
        {
            var reader = new JsonReader();
            int runs = 0;
            int accepted = 0;
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(20000), Prop.ForAll(Arb.From(MutatedSeeds()), bytes =>
            {
                bool coherent = Coherent(reader, bytes);
                runs++;
                accepted += reader.IsParsed ? 1 : 0;
                return coherent;
            }));

            // The corpus must reach the accepting paths too, or it only tests the first error check.
            Assert.True(accepted > runs / 20, accepted + " of " + runs + " mutants accepted");
        }

        [Fact]
        public void The_seeds_themselves_are_accepted()
        {
            var reader = new JsonReader();
            foreach (string seed in Seeds)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(seed);
                Assert.True(reader.TryParse(bytes, bytes.Length, out string error), seed + ": " + error);
            }
        }

        private static bool Decodes(JsonReader reader, byte[] json, string expected)
        {
            return reader.TryParse(json, json.Length, out _) && reader.GetString("s", out string value) == JsonFieldStatus.Ok && value == expected;
        }

        [Fact]
        public void Strings_decode_to_what_System_Text_Json_decodes()
        {
            // The carried text: U+0001..U+FFFF without surrogates (docs/mqtt.md, Text encoding).
            var reader = new JsonReader();
            var gen = Gen.ArrayOf(Gen.Choose(1, 0xFFFF).Where(cp => cp < 0xD800 || cp > 0xDFFF), 12)
                .Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32)));
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Arb.From(gen), text =>
            {
                byte[] escaped = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { s = text });
                byte[] raw = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { s = text }, RawOptions);
                return Decodes(reader, escaped, text) && Decodes(reader, raw, text);
            }));
        }

        [Fact]
        public void Strings_holding_U0000_or_a_character_beyond_the_BMP_are_refused_as_unsupported_raw_and_escaped()
        {
            var reader = new JsonReader();
            var carried = Gen.Choose(1, 0xFFFF).Where(cp => cp < 0xD800 || cp > 0xDFFF);
            var unsupported = Gen.OneOf(Gen.Constant(0), Gen.Choose(0x10000, 0x10FFFF));
            var gen = Gen.ArrayOf(carried, 6).SelectMany(before => unsupported.SelectMany(bad => Gen.ArrayOf(carried, 6)
                .Select(after => string.Concat(before.Append(bad).Concat(after).Select(char.ConvertFromUtf32)))));
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Arb.From(gen), text =>
            {
                byte[] escaped = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { s = text });
                byte[] raw = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { s = text }, RawOptions);

                // U+0000 is always escaped (raw it would be a control character); the rest is raw UTF-8 in the second form.
                return !reader.TryParse(escaped, escaped.Length, out _) && reader.Error == JsonError.UnsupportedCharacter
                    && !reader.TryParse(raw, raw.Length, out _) && reader.Error == JsonError.UnsupportedCharacter;
            }));
        }

        private static readonly System.Text.Json.JsonSerializerOptions RawOptions = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }
}
