using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Commands
{
    [TestClass]
    public class CommandAuthenticatorTests
    {
        private const string Account = ",\"account\":\"acct-42\"";

        private static CommandAuthResult Verify(CommandAuthenticator auth, byte[] envelope, Command into)
        {
            return auth.Verify(envelope, envelope.Length, SignedCommands.Now, into);
        }

        /// <summary>
        /// Asserts <paramref name="envelope"/> is rejected with <paramref name="expected"/>, that nothing was
        /// recorded and the command was cleared, and that the genuine command with the same id and nonce
        /// is still accepted afterwards (the rejection did not burn them).
        /// </summary>
        private static void AssertRejectedWithoutBurning(byte[] envelope, CommandAuthResult expected, string reasonPart)
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            CommandAuthResult result = Verify(auth, envelope, into);
            Assert.AreEqual((int)expected, (int)result, auth.LastReason);
            Assert.Contains(reasonPart, auth.LastReason);
            Assert.AreEqual(0, auth.RememberedCount, "a rejected command records nothing");
            Assert.AreEqual((int)CommandType.None, (int)into.Type, "a rejected command is cleared");
            Assert.IsNull(into.Id);

            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, genuine, into), "the genuine id and nonce are still usable: " + auth.LastReason);
        }

        [TestMethod]
        public static void Accepts_a_valid_start_and_fills_the_command()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            byte[] envelope = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account + ",\"limitA\":16.5,\"tariffPerKwh\":0.315"));

            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, envelope, into), auth.LastReason);
            Assert.AreEqual("ok", auth.LastReason);
            Assert.AreEqual((int)CommandType.Start, (int)into.Type);
            Assert.AreEqual(SignedCommands.Pod, into.PodId);
            Assert.AreEqual("c-1", into.Id);
            Assert.AreEqual(SignedCommands.Nonce1, into.Nonce);
            Assert.AreEqual(SignedCommands.Now, into.TimestampUtcS);
            Assert.AreEqual("acct-42", into.Account);
            Assert.IsTrue(into.HasLimit);
            Assert.AreEqual(1650L, into.LimitAScaled);
            Assert.IsTrue(into.HasTariff);
            Assert.AreEqual(3150L, into.TariffPerKwhScaled);
            Assert.AreEqual(1, auth.RememberedCount);
        }

        [TestMethod]
        public static void Accepts_every_type_with_its_required_fields()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            int types = 0;
            for (int t = 1; t < CommandTypeNames.Count; t++)
            {
                var type = (CommandType)t;
                if (CommandTypeNames.Name(type) == "")
                {
                    continue;
                }

                types++;
                string extra = type == CommandType.Start ? Account
                    : type == CommandType.RotateKey ? ",\"keyId\":\"k2\",\"key\":\"" + Hex.ToLowerString(SignedCommands.FilledKey(7)) + "\""
                    : type == CommandType.Reserve ? Account + ",\"durationS\":900"
                    : type == CommandType.SetCurrentLimit ? ",\"limitA\":10"
                    : type == CommandType.Unlock ? Account
                    : type == CommandType.RefuseCard ? ",\"card\":\"0123456789abcdef\",\"reason\":\"unknown card\""
                    : "";
                string nonce = "00000000000000" + (t < 10 ? "0" : "") + t.ToString();
                byte[] envelope = SignedCommands.Sign(SignedCommands.Json(CommandTypeNames.Name(type), "id-" + t.ToString(), nonce, SignedCommands.Now, extra));
                Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, envelope, into), CommandTypeNames.Name(type) + ": " + auth.LastReason);
                Assert.AreEqual(t, (int)into.Type);
                Assert.AreEqual(type == CommandType.Reserve ? 900 : 0, into.DurationS, "durationS belongs to reserve only");
                Assert.AreEqual(type == CommandType.SetCurrentLimit ? 1000L : 0L, into.LimitAScaled, "limitA belongs to this command only");
            }
            Assert.AreEqual(types, auth.RememberedCount);
        }

        [TestMethod]
        public static void Optional_fields_left_out_read_as_absent()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            into.HasLimit = true;
            into.DurationS = 5;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account)), into), auth.LastReason);
            Assert.IsFalse(into.HasLimit);
            Assert.AreEqual(0L, into.LimitAScaled);
            Assert.IsFalse(into.HasTariff);
            Assert.AreEqual(0, into.DurationS);
        }

        [TestMethod]
        public static void Rejects_a_command_with_one_byte_changed_under_the_original_signature()
        {
            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account));
            byte[] forged = SignedCommands.WithSignatureOf(genuine, SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, ",\"account\":\"acct-43\""));
            AssertRejectedWithoutBurning(forged, CommandAuthResult.BadSignature, "signature does not match");
        }

        [TestMethod]
        public static void Rejects_a_changed_base64_character_of_cmd()
        {
            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account));

            // Byte 8 is the first base64 character of cmd ('e' for '{"').
            byte[] forged = SignedCommands.WithByte(genuine, 8, (byte)(genuine[8] == (byte)'e' ? 'f' : 'e'));
            AssertRejectedWithoutBurning(forged, CommandAuthResult.BadSignature, "signature");
        }

        [DataRow(0)]
        [DataRow(31)]
        [DataRow(63)]
        [TestMethod]
        public static void Rejects_one_changed_digit_of_the_signature(int digit)
        {
            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account));
            int index = genuine.Length - 66 + digit;
            byte[] forged = SignedCommands.WithByte(genuine, index, (byte)(genuine[index] == (byte)'a' ? 'b' : 'a'));
            AssertRejectedWithoutBurning(forged, CommandAuthResult.BadSignature, "signature");
        }

        [TestMethod]
        public static void Rejects_a_command_signed_with_another_key()
        {
            byte[] key = SignedCommands.Key();
            key[0] ^= 1;
            byte[] json = SignedCommands.Bytes(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account));
            AssertRejectedWithoutBurning(CommandSigner.Sign(key, json, json.Length), CommandAuthResult.BadSignature, "signature");
        }

        [TestMethod]
        public static void Rejects_the_exact_same_payload_a_second_time()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            byte[] envelope = SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now, ""));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, envelope, into));
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Verify(auth, envelope, into));
            Assert.AreEqual("id 'c-1' was already accepted", auth.LastReason);
            Assert.AreEqual((int)CommandType.None, (int)into.Type);
            Assert.AreEqual(1, auth.RememberedCount);
        }

        [TestMethod]
        public static void Rejects_a_new_command_reusing_an_accepted_id()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now, "")), into));
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce2, SignedCommands.Now + 1, "")), into));
            Assert.Contains("id 'c-1'", auth.LastReason);
        }

        [TestMethod]
        public static void Rejects_a_new_command_reusing_an_accepted_nonce()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now, "")), into));
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-2", SignedCommands.Nonce1, SignedCommands.Now + 1, "")), into));
            Assert.AreEqual("nonce '" + SignedCommands.Nonce1 + "' was already used", auth.LastReason);
            Assert.AreEqual(1, auth.RememberedCount);
        }

        [DataRow(-121L)]
        [DataRow(121L)]
        [DataRow(-86400L)]
        [DataRow(long.MaxValue - SignedCommands.Now)]
        [TestMethod]
        public static void Rejects_a_timestamp_more_than_120s_either_side_of_the_pod_clock(long offsetS)
        {
            byte[] envelope = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now + offsetS, Account));
            AssertRejectedWithoutBurning(envelope, CommandAuthResult.Expired, "outside the pod's clock 1767225600 +/-120 s");
        }

        [DataRow(-120L)]
        [DataRow(0L)]
        [DataRow(120L)]
        [TestMethod]
        public static void Accepts_a_timestamp_exactly_at_the_window_edges(long offsetS)
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            byte[] envelope = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now + offsetS, Account));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, envelope, into), auth.LastReason);
            Assert.AreEqual(SignedCommands.Now + offsetS, into.TimestampUtcS);
        }

        [TestMethod]
        public static void Honours_a_configured_window()
        {
            var auth = new CommandAuthenticator(SignedCommands.Pod, SignedCommands.Key(), 30, 8);
            var into = new Command();
            Assert.AreEqual((int)CommandAuthResult.Expired, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now - 31, "")), into));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now - 30, "")), into));
        }

        [TestMethod]
        public static void Rejects_a_command_for_another_pod()
        {
            string json = "{\"pod\":\"P-018\",\"id\":\"c-1\",\"ts\":" + SignedCommands.Now.ToString() + ",\"nonce\":\"" + SignedCommands.Nonce1 + "\",\"type\":\"stop\"}";
            AssertRejectedWithoutBurning(SignedCommands.Sign(json), CommandAuthResult.WrongPod, "addressed to pod 'P-018', this is pod 'P-017'");
        }

        [DataRow("not json")]
        [DataRow("")]
        [DataRow("[]")]
        [DataRow("{\"cmd\":\"e30=\"}")]
        [DataRow("{\"sig\":\"00\"}")]
        [DataRow("{\"cmd\":\"e30=\",\"sig\":\"00\",\"kid\":1}")]
        [DataRow("{\"cmd\":{\"a\":1},\"sig\":\"00\"}")]
        [DataRow("{\"cmd\":1,\"sig\":\"00\"}")]
        [DataRow("{\"cmd\":\"e30=\",\"sig\":1}")]
        [DataRow("{\"cmd\":\"e30=\",\"cmd\":\"e30=\",\"sig\":\"00\"}")]
        [TestMethod]
        public static void Rejects_a_malformed_envelope(string payload)
        {
            AssertRejectedWithoutBurning(SignedCommands.Bytes(payload), CommandAuthResult.Malformed, "envelope");
        }

        [TestMethod]
        public static void Rejects_a_signature_that_is_not_64_lowercase_hex_digits()
        {
            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account));
            int first = genuine.Length - 66;
            byte[] upper = SignedCommands.WithByte(genuine, first, (byte)'A');
            AssertRejectedWithoutBurning(upper, CommandAuthResult.Malformed, "'sig' must be 64 lowercase hex digits");
            byte[] shortSig = SignedCommands.WithByte(genuine, first, (byte)'"');
            AssertRejectedWithoutBurning(shortSig, CommandAuthResult.Malformed, "envelope");
        }

        [TestMethod]
        public static void Rejects_cmd_that_is_not_canonical_base64()
        {
            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, Account));
            AssertRejectedWithoutBurning(SignedCommands.WithByte(genuine, 9, (byte)'-'), CommandAuthResult.Malformed, "'cmd' is not canonical padded base64");
        }

        [DataRow("{\"pod\":\"P-017\"")]
        [DataRow("[1,2]")]
        [DataRow("{\"pod\":\"P-017\",\"pod\":\"P-017\"}")]
        [TestMethod]
        public static void Rejects_signed_bytes_that_are_not_a_JSON_object(string json)
        {
            AssertRejectedWithoutBurning(SignedCommands.Sign(json), CommandAuthResult.Malformed, "cmd: ");
        }

        [DataRow("F09F9880", 96)]
        [DataRow("5C75643833645C7564653030", 96)]
        [DataRow("5C7530303030", 96)]
        [TestMethod]
        public static void Rejects_a_signed_command_whose_account_holds_U0000_or_a_character_beyond_the_BMP(string accountHex, int offset)
        {
            // The account "a" + U+1F600 (raw, then as an escape pair) or the \u0000 escape, spliced in as bytes: the board
            // would read such text differently, so it is refused before any string exists (docs/mqtt.md, Text encoding).
            string open = SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, ",\"account\":\"a");
            byte[] head = SignedCommands.Bytes(open.Substring(0, open.Length - 1));
            byte[] bad = Hex.TryDecode(accountHex);
            byte[] tail = SignedCommands.Bytes("\"}");
            var json = new byte[head.Length + bad.Length + tail.Length];
            Array.Copy(head, 0, json, 0, head.Length);
            Array.Copy(bad, 0, json, head.Length, bad.Length);
            Array.Copy(tail, 0, json, head.Length + bad.Length, tail.Length);
            AssertRejectedWithoutBurning(CommandSigner.Sign(SignedCommands.Key(), json, json.Length), CommandAuthResult.Malformed,
                "cmd: character outside the supported text (U+0000 or beyond U+FFFF) at byte " + offset.ToString());
        }

        [TestMethod]
        public static void Rejects_a_payload_over_2048_bytes_before_reading_it()
        {
            var payload = new byte[2049];
            AssertRejectedWithoutBurning(payload, CommandAuthResult.TooLarge, "payload of 2049 bytes exceeds the 2048-byte limit");
        }

        [TestMethod]
        public static void Rejects_an_unknown_type()
        {
            AssertRejectedWithoutBurning(SignedCommands.Sign(SignedCommands.Json("self_destruct", "c-1", SignedCommands.Nonce1, SignedCommands.Now, "")), CommandAuthResult.UnknownType, "unknown type 'self_destruct'");
        }

        [DataRow("{\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'pod': missing")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'ts': missing")]
        [DataRow("{\"pod\":\"P-017\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'id': missing")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"type\":\"stop\"}", "field 'nonce': missing")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\"}", "field 'type': missing")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"start\"}", "field 'account': missing")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"set_current_limit\"}", "field 'limitA': missing")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"unlock\"}", "field 'account': missing")]
        [TestMethod]
        public static void Rejects_a_missing_field_naming_it(string json, string reason)
        {
            AssertRejectedWithoutBurning(SignedCommands.Sign(json), CommandAuthResult.MissingField, reason);
        }

        [DataRow("{\"pod\":1,\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'pod'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":\"1767225600\",\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'ts'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600.5,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'ts'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":7,\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'id'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":null,\"type\":\"stop\"}", "field 'nonce'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":[\"stop\"]}", "field 'type'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"start\",\"account\":null}", "field 'account'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"set_current_limit\",\"limitA\":\"16\"}", "field 'limitA'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"reserve\",\"account\":\"a\",\"durationS\":60.5}", "field 'durationS'")]
        [TestMethod]
        public static void Rejects_a_field_of_the_wrong_JSON_type(string json, string reason)
        {
            AssertRejectedWithoutBurning(SignedCommands.Sign(json), CommandAuthResult.WrongFieldType, reason);
        }

        [DataRow("{\"pod\":\"P-017\",\"id\":\"c 1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'id'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'id'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcde\",\"type\":\"stop\"}", "field 'nonce'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789ABCDEF\",\"type\":\"stop\"}", "field 'nonce'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdeg\",\"type\":\"stop\"}", "field 'nonce'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"start\",\"account\":\"\"}", "field 'account'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"set_current_limit\",\"limitA\":16.005}", "field 'limitA'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"set_current_limit\",\"limitA\":-1}", "field 'limitA'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"set_current_limit\",\"limitA\":1000.01}", "field 'limitA'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"start\",\"account\":\"a\",\"tariffPerKwh\":0.12345}", "field 'tariffPerKwh'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"reserve\",\"account\":\"a\",\"durationS\":0}", "field 'durationS'")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"reserve\",\"account\":\"a\",\"durationS\":86401}", "field 'durationS'")]
        [TestMethod]
        public static void Rejects_a_field_value_outside_its_range_or_format(string json, string reason)
        {
            AssertRejectedWithoutBurning(SignedCommands.Sign(json), CommandAuthResult.InvalidField, reason);
        }

        [DataRow("stop", ",\"limitA\":16", "field 'limitA' is not defined for type 'stop'")]
        [DataRow("start", ",\"account\":\"a\",\"acount\":\"b\"", "field 'acount' is not defined for type 'start'")]
        [DataRow("get_status", ",\"durationS\":1", "field 'durationS' is not defined for type 'get_status'")]
        [TestMethod]
        public static void Rejects_a_field_the_type_does_not_define(string type, string extra, string reason)
        {
            AssertRejectedWithoutBurning(SignedCommands.Sign(SignedCommands.Json(type, "c-1", SignedCommands.Nonce2, SignedCommands.Now, extra)), CommandAuthResult.UnexpectedField, reason);
        }

        [TestMethod]
        public static void A_forgotten_command_cannot_be_replayed_because_its_ts_becomes_the_horizon()
        {
            var auth = new CommandAuthenticator(SignedCommands.Pod, SignedCommands.Key(), 120, 2);
            var into = new Command();
            byte[] first = SignedCommands.Sign(SignedCommands.Json("stop", "c-1", "1111111111111111", SignedCommands.Now - 10, ""));
            byte[] second = SignedCommands.Sign(SignedCommands.Json("stop", "c-2", "2222222222222222", SignedCommands.Now - 5, ""));
            byte[] third = SignedCommands.Sign(SignedCommands.Json("stop", "c-3", "3333333333333333", SignedCommands.Now, ""));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, second, into));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, first, into));
            Assert.IsFalse(auth.HasReplayHorizon);
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, third, into));

            // The oldest ts (first, accepted second) was forgotten, not the first one accepted.
            Assert.AreEqual(2, auth.RememberedCount);
            Assert.IsTrue(auth.HasReplayHorizon);
            Assert.AreEqual(SignedCommands.Now - 10, auth.ReplayHorizonUtcS);
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Verify(auth, first, into));
            Assert.Contains("replay horizon", auth.LastReason);
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Verify(auth, second, into));
            Assert.Contains("id 'c-2'", auth.LastReason);
        }

        [TestMethod]
        public static void A_horizon_set_at_boot_rejects_commands_signed_before_it()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            var into = new Command();
            auth.SetReplayHorizon(SignedCommands.Now - 30);
            auth.SetReplayHorizon(SignedCommands.Now - 60);
            Assert.AreEqual(SignedCommands.Now - 30, auth.ReplayHorizonUtcS, "the horizon only rises");
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now - 30, "")), into));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now - 29, "")), into));
        }

        [TestMethod]
        public static void Names_every_result_for_the_acknowledgement()
        {
            Assert.AreEqual("ok", CommandAuthenticator.ResultName(CommandAuthResult.Ok));
            Assert.AreEqual("malformed", CommandAuthenticator.ResultName(CommandAuthResult.Malformed));
            Assert.AreEqual("bad_signature", CommandAuthenticator.ResultName(CommandAuthResult.BadSignature));
            Assert.AreEqual("wrong_pod", CommandAuthenticator.ResultName(CommandAuthResult.WrongPod));
            Assert.AreEqual("expired", CommandAuthenticator.ResultName(CommandAuthResult.Expired));
            Assert.AreEqual("replayed", CommandAuthenticator.ResultName(CommandAuthResult.Replayed));
            Assert.AreEqual("too_large", CommandAuthenticator.ResultName(CommandAuthResult.TooLarge));
            Assert.AreEqual("unknown_type", CommandAuthenticator.ResultName(CommandAuthResult.UnknownType));
            Assert.AreEqual("missing_field", CommandAuthenticator.ResultName(CommandAuthResult.MissingField));
            Assert.AreEqual("wrong_field_type", CommandAuthenticator.ResultName(CommandAuthResult.WrongFieldType));
            Assert.AreEqual("invalid_field", CommandAuthenticator.ResultName(CommandAuthResult.InvalidField));
            Assert.AreEqual("unexpected_field", CommandAuthenticator.ResultName(CommandAuthResult.UnexpectedField));
        }

        [TestMethod]
        public static void Reports_every_bad_setting_by_key_in_one_pass()
        {
            var errors = new ConfigErrors();
            CommandAuthenticator.CheckConfig(errors, "mqtt.commands", "00ff", 0, 5000);
            Assert.AreEqual(3, errors.Count);
            Assert.Contains("mqtt.commands.keyHex: must be 64 to 128 hex digits", errors[0]);
            Assert.Contains("mqtt.commands.windowS", errors[1]);
            Assert.Contains("mqtt.commands.replayCapacity", errors[2]);

            var clean = new ConfigErrors();
            CommandAuthenticator.CheckConfig(clean, "mqtt.commands", Hex.ToLowerString(SignedCommands.Key()), 120, 64);
            Assert.AreEqual(0, clean.Count, clean.ToString());

            var notHex = new ConfigErrors();
            CommandAuthenticator.CheckConfig(notHex, "mqtt.commands", "xyz", 120, 64);
            Assert.Contains("mqtt.commands.keyHex: must be hex digits", notHex.ToString());
        }

        [TestMethod]
        public static void Refuses_to_start_with_a_short_key_or_no_pod_id()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new CommandAuthenticator(SignedCommands.Pod, new byte[16]));
            Assert.ThrowsException(typeof(ArgumentException), () => new CommandAuthenticator("", SignedCommands.Key()));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new CommandAuthenticator(SignedCommands.Pod, SignedCommands.Key(), 0, 64));
        }

        [TestMethod]
        public static void Keeps_its_own_copy_of_the_key()
        {
            byte[] key = SignedCommands.Key();
            var auth = new CommandAuthenticator(SignedCommands.Pod, key);
            key[0] ^= 0xff;
            var into = new Command();
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now, "")), into), auth.LastReason);
        }
    }
}
