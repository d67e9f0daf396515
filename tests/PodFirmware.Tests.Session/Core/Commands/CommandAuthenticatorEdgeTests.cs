using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Commands
{
    /// <summary>
    /// The authenticator's range edges (accepted at the limit, refused just past it), its constructor and config guards,
    /// and the exact reason texts the acknowledgement carries to the operator.
    /// </summary>
    [TestClass]
    public class CommandAuthenticatorEdgeTests
    {
        private const string Head = "{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":";
        private const string Hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        private static CommandAuthResult Verify(CommandAuthenticator auth, byte[] payload)
        {
            return auth.Verify(payload, payload.Length, SignedCommands.Now, new Command());
        }

        private static void AssertResult(int expected, CommandAuthResult actual, CommandAuthenticator auth)
        {
            Assert.AreEqual(expected, (int)actual, auth.LastReason);
        }

        [DataRow("\"stop\",\"pod\":1}", "field 'pod': must be a string")]
        [DataRow("\"stop\"}", "ok")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":\"x\",\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'ts': must be an integer (UTC seconds)")]
        [DataRow("{\"pod\":\"P-017\",\"id\":7,\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":\"stop\"}", "field 'id': must be a string")]
        [DataRow("{\"pod\":\"P-017\",\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":7,\"type\":\"stop\"}", "field 'nonce': must be a string")]
        [DataRow("1}", "field 'type': must be a string")]
        [DataRow("\"\"}", "unknown type ''")]
        [DataRow("\"start\",\"account\":1}", "field 'account': must be a string")]
        [DataRow("\"set_current_limit\",\"limitA\":\"16\"}", "field 'limitA': must be a number of A from 0 to 1000 with at most 2 decimals")]
        [DataRow("\"start\",\"account\":\"a\",\"tariffPerKwh\":\"1\"}", "field 'tariffPerKwh': must be a price per kWh from 0 to 1000 with at most 4 decimals")]
        [DataRow("\"start\",\"account\":\"a\",\"tariffPerKwh\":1000.0001}", "field 'tariffPerKwh': must be a price per kWh from 0 to 1000 with at most 4 decimals")]
        [DataRow("\"reserve\",\"account\":\"a\",\"durationS\":\"60\"}", "field 'durationS': must be an integer number of seconds from 1 to 86400")]
        [DataRow("\"start\",\"account\":\"a\",\"maxEnergyKwh\":\"1\"}", "field 'maxEnergyKwh': must be a number of kWh from 0.001 to 1000 with at most 3 decimals")]
        [DataRow("\"start\",\"account\":\"a\",\"maxDurationS\":\"1\"}", "field 'maxDurationS': must be an integer number of seconds from 1 to 86400")]
        [DataRow("\"start\",\"account\":\"a\",\"tariffPerKwh\":1,\"maxAmount\":\"1\"}", "field 'maxAmount': must be an amount from 0 to 100000 with at most 4 decimals")]
        [DataRow("\"start\",\"account\":\"a\\u0001\"}", "field 'account': must be 1 to 64 characters without control characters")]
        [DataRow("\"start\",\"account\":\"a\\u007f\"}", "field 'account': must be 1 to 64 characters without control characters")]
        [DataRow("\"start\",\"account\":\"a b\"}", "ok")]
        [DataRow("\"set_current_limit\",\"limitA\":1000}", "ok")]
        [DataRow("\"start\",\"account\":\"a\",\"tariffPerKwh\":1000}", "ok")]
        [DataRow("\"reserve\",\"account\":\"a\",\"durationS\":1}", "ok")]
        [DataRow("\"reserve\",\"account\":\"a\",\"durationS\":86400}", "ok")]
        [TestMethod]
        public static void A_signed_command_gets_this_exact_reason(string rest, string reason)
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            string json = rest.Length > 0 && rest[0] != '"' && rest[0] != '1' ? rest : Head + rest;
            if (rest.StartsWith("\"stop\",\"pod\""))
            {
                json = "{\"id\":\"c-1\",\"ts\":1767225600,\"nonce\":\"0123456789abcdef\",\"type\":" + rest;
            }

            Verify(auth, SignedCommands.Sign(json));
            Assert.AreEqual(reason, auth.LastReason);
        }

        [DataRow("x", "0123456789abcdef", "ok")]
        [DataRow("!~", "0123456789abcdef", "ok")]
        [DataRow("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Hex64, "ok")]
        [DataRow("c-1", Hex64 + "0", "field 'nonce': must be 16 to 64 lowercase hex digits")]
        [TestMethod]
        public static void Id_and_nonce_are_accepted_up_to_their_edges(string id, string nonce, string reason)
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", id, nonce, SignedCommands.Now, "")));
            Assert.AreEqual(reason, auth.LastReason);
        }

        [TestMethod]
        public static void An_account_of_64_characters_is_accepted_and_65_refused()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            string account = new string('a', 64);
            Verify(auth, SignedCommands.Sign(SignedCommands.Json("start", "c-1", SignedCommands.Nonce1, SignedCommands.Now, ",\"account\":\"" + account + "\"")));
            Assert.AreEqual("ok", auth.LastReason);
            Verify(auth, SignedCommands.Sign(SignedCommands.Json("start", "c-2", SignedCommands.Nonce2, SignedCommands.Now, ",\"account\":\"" + account + "a\"")));
            Assert.AreEqual("field 'account': must be 1 to 64 characters without control characters", auth.LastReason);
        }

        [DataRow(121L, "ts 1767225721 is outside the pod's clock 1767225600 +/-120 s")]
        [DataRow(-121L, "ts 1767225479 is outside the pod's clock 1767225600 +/-120 s")]
        [TestMethod]
        public static void An_expired_command_names_its_ts_the_clock_and_the_window(long offsetS, string reason)
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now + offsetS, "")));
            Assert.AreEqual(reason, auth.LastReason);
        }

        [DataRow("{\"cmd\":\"e30=\",\"sig\":\"00\",\"key\":1}", "envelope: unexpected member 'key' (only cmd, kid and sig)")]
        [DataRow("{\"sig\":\"00\"}", "envelope: 'cmd' missing")]
        [DataRow("{\"cmd\":1,\"sig\":\"00\"}", "envelope: 'cmd' must be a base64 string")]
        [DataRow("{\"cmd\":\"e30=\",\"sig\":\"00\"}", "envelope: 'sig' must be 64 lowercase hex digits")]
        [TestMethod]
        public static void A_malformed_envelope_gets_this_exact_reason(string payload, string reason)
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            AssertResult((int)CommandAuthResult.Malformed, Verify(auth, SignedCommands.Bytes(payload)), auth);
            Assert.AreEqual(reason, auth.LastReason);
        }

        [TestMethod]
        public static void A_payload_that_is_missing_or_outside_its_buffer_is_malformed()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            Assert.AreEqual("", auth.LastReason, "before any command");
            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now, ""));
            AssertResult((int)CommandAuthResult.Malformed, auth.Verify(null, 0, SignedCommands.Now, new Command()), auth);
            Assert.AreEqual("no payload, or a length outside the buffer", auth.LastReason);
            AssertResult((int)CommandAuthResult.Malformed, auth.Verify(genuine, -1, SignedCommands.Now, new Command()), auth);
            Assert.AreEqual("no payload, or a length outside the buffer", auth.LastReason);
            AssertResult((int)CommandAuthResult.Malformed, auth.Verify(genuine, genuine.Length + 1, SignedCommands.Now, new Command()), auth);
            Assert.AreEqual("no payload, or a length outside the buffer", auth.LastReason);
            AssertResult((int)CommandAuthResult.Ok, auth.Verify(genuine, genuine.Length, SignedCommands.Now, new Command()), auth);
            ArgumentNullException noInto = null;
            try
            {
                auth.Verify(genuine, genuine.Length, SignedCommands.Now, null);
            }
            catch (ArgumentNullException e)
            {
                noInto = e;
            }

            Assert.AreEqual("into", noInto.ParamName);
        }

        [TestMethod]
        public static void A_payload_of_exactly_2048_bytes_is_read()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            byte[] genuine = SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now, ""));
            var padded = new byte[CommandAuthenticator.MaxEnvelopeBytes];
            for (int i = 0; i < padded.Length; i++)
            {
                padded[i] = (byte)' ';
            }

            Array.Copy(genuine, padded, genuine.Length);
            AssertResult((int)CommandAuthResult.Ok, Verify(auth, padded), auth);
        }

        private static ArgumentException Construct(string podId, int windowS, int replayCapacity)
        {
            try
            {
                new CommandAuthenticator(podId, SignedCommands.Key(), windowS, replayCapacity);
            }
            catch (ArgumentException e)
            {
                return e;
            }

            return null;
        }

        [TestMethod]
        public static void The_constructor_accepts_its_edges_and_names_what_it_refuses()
        {
            Assert.IsNull(Construct(new string('p', 64), 1, 1));
            Assert.IsNull(Construct("p", 3600, 4096));
            ArgumentException e = Construct(new string('p', 65), 120, 64);
            Assert.AreEqual("podId", e.ParamName);
            Assert.Contains("the pod id must be 1 to 64 characters", e.Message);
            e = Construct("p", 3601, 64);
            Assert.AreEqual("windowS", e.ParamName);
            Assert.Contains("must be between 1 and 3600 s", e.Message);
            e = Construct("p", 0, 64);
            Assert.AreEqual("windowS", e.ParamName);
            e = Construct("p", 120, 0);
            Assert.AreEqual("replayCapacity", e.ParamName);
            Assert.Contains("must be between 1 and 4096", e.Message);
            e = Construct("p", 120, 4097);
            Assert.AreEqual("replayCapacity", e.ParamName);
            Assert.AreEqual(64, SignedCommands.NewAuthenticator().ReplayCapacity);
        }

        [TestMethod]
        public static void The_replay_horizon_only_rises()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            auth.SetReplayHorizon(100);
            auth.SetReplayHorizon(200);
            Assert.AreEqual(200L, auth.ReplayHorizonUtcS);
            auth.SetReplayHorizon(150);
            Assert.AreEqual(200L, auth.ReplayHorizonUtcS);
            auth.SetReplayHorizon(SignedCommands.Now);
            Verify(auth, SignedCommands.Sign(SignedCommands.Json("stop", "c-1", SignedCommands.Nonce1, SignedCommands.Now, "")));
            Assert.AreEqual("ts 1767225600 is not newer than the replay horizon 1767225600", auth.LastReason);
            Assert.AreEqual("unknown", CommandAuthenticator.ResultName((CommandAuthResult)99));
        }

        [TestMethod]
        public static void Config_errors_give_the_key_length_and_the_ranges_with_units()
        {
            var errors = new ConfigErrors();
            CommandAuthenticator.CheckConfig(errors, "mqtt.commands", "00ff", 0, 5000);
            Assert.AreEqual("mqtt.commands.keyHex: must be 64 to 128 hex digits (32 to 64 bytes), is 4 digits", errors[0]);
            Assert.AreEqual("mqtt.commands.windowS: must be between 1 s and 3600 s, is 0 s", errors[1]);
            Assert.AreEqual("mqtt.commands.replayCapacity: must be between 1 and 4096, is 5000", errors[2]);

            var edges = new ConfigErrors();
            CommandAuthenticator.CheckConfig(edges, "mqtt.commands", Hex64 + Hex64, 3600, 4096);
            Assert.AreEqual(0, edges.Count, edges.ToString());
        }

        [TestMethod]
        public static void The_horizon_store_names_a_missing_part_and_a_boot_without_a_record_does_not_wait_for_the_clock()
        {
            CommandAuthenticator auth = SignedCommands.NewAuthenticator();
            ArgumentNullException thrown = null;
            try
            {
                new ReplayHorizonStore(null, auth);
            }
            catch (ArgumentNullException e)
            {
                thrown = e;
            }

            Assert.AreEqual("store", thrown.ParamName);
            thrown = null;
            try
            {
                new ReplayHorizonStore(new MemoryBlobStore(), null);
            }
            catch (ArgumentNullException e)
            {
                thrown = e;
            }

            Assert.AreEqual("authenticator", thrown.ParamName);
            var flash = new MemoryBlobStore();
            var store = new ReplayHorizonStore(flash, auth);
            store.Restore();
            Assert.IsTrue(store.FoundNoRecord);
            Assert.IsFalse(store.AwaitingClock);
            store.OnClock(SignedCommands.Now);
            Assert.IsFalse(auth.HasReplayHorizon);

            store.Accepted(SignedCommands.Now);
            var rebooted = new ReplayHorizonStore(flash, SignedCommands.NewAuthenticator());
            rebooted.Restore();
            Assert.IsFalse(rebooted.FoundNoRecord, "a record was found");
            Assert.IsTrue(rebooted.HasNewestAccepted);
        }
    }
}
