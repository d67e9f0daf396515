using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Tests.Core.Safety;

namespace PodFirmware.Tests.Core.Commands
{
    /// <summary>Key ids in the envelope, two keys during a rotation, the signed rotate_key, the ring on flash and the demo key.</summary>
    [TestClass]
    public class CommandKeysTests
    {
        private const long Now = SignedCommands.Now;
        private const int GraceS = 600;

        private static CommandAuthenticator Pod(FailingBlobStore flash, bool production)
        {
            var keys = new CommandKeys("k1", SignedCommands.Key(), GraceS, flash);
            keys.RefuseDemoKey = production;
            keys.Restore();
            return new CommandAuthenticator(SignedCommands.Pod, keys, 120, 64);
        }

        private static string Stop(string id, string nonce, long ts)
        {
            return SignedCommands.Json("stop", id, nonce, ts, "");
        }

        private static int Verify(CommandAuthenticator auth, byte[] envelope, long nowUtcS)
        {
            return (int)auth.Verify(envelope, envelope.Length, nowUtcS, new Command());
        }

        // Verifies and applies a rotate_key as the messaging pump does; returns the tick-style result code, or -1 - the refusal.
        private static int Rotate(CommandAuthenticator auth, byte[] envelope, long nowUtcS)
        {
            var command = new Command();
            CommandAuthResult result = auth.Verify(envelope, envelope.Length, nowUtcS, command);
            if (result != CommandAuthResult.Ok)
            {
                return -1 - (int)result;
            }

            Assert.AreEqual((int)CommandType.RotateKey, (int)command.Type);
            return (int)auth.Keys.Rotate(command, auth.LastKeyId, nowUtcS);
        }

        private static byte[] RotateTo(string newId, byte[] newKey, string signingId, byte[] signingKey, string id, string nonce, long ts)
        {
            return SignedCommands.Sign(signingKey, signingId, SignedCommands.RotateJson(id, nonce, ts, newId, newKey, signingKey));
        }

        [TestMethod]
        public static void An_envelope_without_kid_or_naming_the_current_key_is_checked_with_it_and_an_unknown_kid_is_refused()
        {
            CommandAuthenticator auth = Pod(new FailingBlobStore(), false);
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), null, Stop("a", "0000000000000001", Now)), Now));
            Assert.AreEqual("k1", auth.LastKeyId);
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), "k1", Stop("b", "0000000000000002", Now)), Now));
            Assert.AreEqual((int)CommandAuthResult.UnknownKey, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), "k2", Stop("c", "0000000000000003", Now)), Now));
            Assert.AreEqual("kid 'k2' names no valid key of this pod", auth.LastReason);
            Assert.AreEqual((int)CommandAuthResult.BadSignature, Verify(auth, SignedCommands.Sign(SignedCommands.FilledKey(9), "k1", Stop("d", "0000000000000004", Now)), Now));
        }

        [TestMethod]
        public static void A_kid_that_is_not_a_string_or_a_fourth_member_is_malformed()
        {
            CommandAuthenticator auth = Pod(new FailingBlobStore(), false);
            byte[] numeric = SignedCommands.Sign(SignedCommands.Key(), null, Stop("a", "0000000000000001", Now));
            string text = System.Text.Encoding.UTF8.GetString(numeric, 1, numeric.Length - 1);
            Assert.AreEqual((int)CommandAuthResult.Malformed, Verify(auth, SignedCommands.Bytes("{\"kid\":1," + text), Now));
            Assert.AreEqual("envelope: 'kid' must be a string", auth.LastReason);
            Assert.AreEqual((int)CommandAuthResult.Malformed, Verify(auth, SignedCommands.Bytes("{\"kid\":\"k1\",\"x\":\"\"," + text), Now));
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Bytes("{\"kid\":\"k1\"," + text), Now));
        }

        [TestMethod]
        public static void After_a_rotation_both_keys_are_valid_until_the_grace_time_ends_then_only_the_new_one()
        {
            CommandAuthenticator auth = Pod(new FailingBlobStore(), false);
            byte[] newKey = SignedCommands.FilledKey(0x5a);
            Assert.AreEqual((int)CommandResultCode.Ok, Rotate(auth, RotateTo("k2", newKey, "k1", SignedCommands.Key(), "r-1", "00000000000000a1", Now), Now));
            Assert.AreEqual("k2", auth.Keys.CurrentId);
            Assert.AreEqual("k1", auth.Keys.PreviousId);
            Assert.AreEqual(Now + GraceS, auth.Keys.PreviousUntilUtcS);

            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Sign(newKey, "k2", Stop("a", "0000000000000001", Now + 1)), Now + 1));
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Sign(newKey, null, Stop("b", "0000000000000002", Now + 2)), Now + 2));
            Assert.AreEqual((int)CommandAuthResult.BadSignature, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), null, Stop("c", "0000000000000003", Now + 3)), Now + 3));
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), "k1", Stop("d", "0000000000000004", Now + GraceS)), Now + GraceS));
            Assert.AreEqual("k1", auth.LastKeyId);
            Assert.AreEqual((int)CommandAuthResult.UnknownKey, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), "k1", Stop("e", "0000000000000005", Now + GraceS + 1)), Now + GraceS + 1));
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Sign(newKey, "k2", Stop("f", "0000000000000006", Now + GraceS + 1)), Now + GraceS + 1));
        }

        [TestMethod]
        public static void A_rotation_is_refused_when_signed_with_the_previous_key_or_naming_a_held_id_or_the_demo_key()
        {
            CommandAuthenticator auth = Pod(new FailingBlobStore(), false);
            byte[] k2 = SignedCommands.FilledKey(0x22);
            byte[] k3 = SignedCommands.FilledKey(0x33);
            Assert.AreEqual((int)CommandResultCode.KeyRejected, Rotate(auth, RotateTo("k1", k2, "k1", SignedCommands.Key(), "r-0", "00000000000000a0", Now), Now));
            Assert.AreEqual((int)CommandResultCode.Ok, Rotate(auth, RotateTo("k2", k2, "k1", SignedCommands.Key(), "r-1", "00000000000000a1", Now), Now));
            Assert.AreEqual((int)CommandResultCode.KeyRejected, Rotate(auth, RotateTo("k3", k3, "k1", SignedCommands.Key(), "r-2", "00000000000000a2", Now), Now));
            Assert.AreEqual((int)CommandResultCode.KeyRejected, Rotate(auth, RotateTo("k1", k3, "k2", k2, "r-3", "00000000000000a3", Now), Now));
            Assert.AreEqual((int)CommandResultCode.KeyRejected, Rotate(auth, RotateTo("demo", Hex.TryDecode(CommandKeys.DemoKeyHex), "k2", k2, "r-4", "00000000000000a4", Now), Now));
            Assert.AreEqual("k2", auth.Keys.CurrentId);
            Assert.AreEqual((int)CommandResultCode.Ok, Rotate(auth, RotateTo("k3", k3, "k2", k2, "r-5", "00000000000000a5", Now + 5), Now + 5));
            Assert.AreEqual("k2", auth.Keys.PreviousId);
            Assert.AreEqual((int)CommandAuthResult.UnknownKey, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), "k1", Stop("a", "0000000000000001", Now + 6)), Now + 6));
        }

        [DataRow(",\"keyId\":\"k2\"", 8)]
        [DataRow(",\"key\":\"00000000000000000000000000000000000000000000000000000000000000ff\"", 8)]
        [DataRow(",\"keyId\":\"k 2\",\"key\":\"00000000000000000000000000000000000000000000000000000000000000ff\"", 10)]
        [DataRow(",\"keyId\":\"k2345678901234567\",\"key\":\"00000000000000000000000000000000000000000000000000000000000000ff\"", 10)]
        [DataRow(",\"keyId\":\"k2\",\"key\":\"00000000000000000000000000000000000000000000000000000000000000FF\"", 10)]
        [DataRow(",\"keyId\":\"k2\",\"key\":\"000000000000000000000000000000000000000000000000000000000000000ff\"", 10)]
        [DataRow(",\"keyId\":\"k2\",\"key\":\"00ff\"", 10)]
        [DataRow(",\"keyId\":2,\"key\":\"00000000000000000000000000000000000000000000000000000000000000ff\"", 9)]
        [DataRow(",\"keyId\":\"k2\",\"key\":\"00000000000000000000000000000000000000000000000000000000000000ff\",\"account\":\"a\"", 11)]
        [TestMethod]
        public static void A_rotate_key_needs_a_key_id_and_a_key_of_64_to_128_lowercase_hex_digits(string fields, int result)
        {
            CommandAuthenticator auth = Pod(new FailingBlobStore(), false);
            byte[] envelope = SignedCommands.Sign(SignedCommands.Json("rotate_key", "r-1", "00000000000000a1", Now, fields));
            Assert.AreEqual(result, Verify(auth, envelope, Now), auth.LastReason);
            Assert.AreEqual("k1", auth.Keys.CurrentId);
        }

        [TestMethod]
        public static void The_wrapped_key_unwraps_with_the_signing_key_and_nonce_only()
        {
            byte[] newKey = new byte[64];
            for (int i = 0; i < newKey.Length; i++)
            {
                newKey[i] = (byte)(255 - i);
            }

            byte[] wrapped = CommandKeys.Wrap(SignedCommands.Key(), "00000000000000a1", newKey);
            Assert.AreEqual(64, wrapped.Length);
            Assert.AreNotEqual(Hex.ToLowerString(newKey), Hex.ToLowerString(wrapped));
            Assert.AreEqual(Hex.ToLowerString(newKey), Hex.ToLowerString(CommandKeys.Wrap(SignedCommands.Key(), "00000000000000a1", wrapped)));
            Assert.AreNotEqual(Hex.ToLowerString(newKey), Hex.ToLowerString(CommandKeys.Wrap(SignedCommands.Key(), "00000000000000a2", wrapped)));
            Assert.AreNotEqual(Hex.ToLowerString(newKey), Hex.ToLowerString(CommandKeys.Wrap(SignedCommands.FilledKey(1), "00000000000000a1", wrapped)));
            Assert.AreNotEqual(Hex.ToLowerString(wrapped).Substring(0, 64), Hex.ToLowerString(wrapped).Substring(64, 64));
        }

        [TestMethod]
        public static void The_rotated_ring_survives_a_reboot_and_a_new_configured_key_replaces_it()
        {
            var flash = new FailingBlobStore();
            byte[] k2 = SignedCommands.FilledKey(0x22);
            Assert.AreEqual((int)CommandResultCode.Ok, Rotate(Pod(flash, false), RotateTo("k2", k2, "k1", SignedCommands.Key(), "r-1", "00000000000000a1", Now), Now));

            CommandAuthenticator rebooted = Pod(flash, false);
            Assert.AreEqual("k2", rebooted.Keys.CurrentId);
            Assert.AreEqual("k1", rebooted.Keys.PreviousId);
            Assert.AreEqual(Now + GraceS, rebooted.Keys.PreviousUntilUtcS);
            Assert.IsFalse(rebooted.Keys.FoundCorruptRecord);
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(rebooted, SignedCommands.Sign(k2, "k2", Stop("a", "0000000000000001", Now + 1)), Now + 1));
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(rebooted, SignedCommands.Sign(SignedCommands.Key(), "k1", Stop("b", "0000000000000002", Now + 2)), Now + 2));

            var reprovisioned = new CommandKeys("k9", SignedCommands.FilledKey(0x99), GraceS, flash);
            reprovisioned.Restore();
            Assert.AreEqual("k9", reprovisioned.CurrentId);
            Assert.IsNull(reprovisioned.PreviousId);
            Assert.IsFalse(reprovisioned.FoundCorruptRecord);
        }

        [TestMethod]
        public static void A_damaged_or_unreadable_ring_leaves_the_configured_key()
        {
            var flash = new FailingBlobStore();
            Assert.AreEqual((int)CommandResultCode.Ok, Rotate(Pod(flash, false), RotateTo("k2", SignedCommands.FilledKey(0x22), "k1", SignedCommands.Key(), "r-1", "00000000000000a1", Now), Now));
            var record = new byte[CommandKeys.RecordLength];
            Assert.AreEqual(CommandKeys.RecordLength, flash.Read(CommandKeys.BlobName, record));
            record[40] ^= 1;
            flash.Write(CommandKeys.BlobName, record, record.Length);
            CommandAuthenticator damaged = Pod(flash, false);
            Assert.IsTrue(damaged.Keys.FoundCorruptRecord);
            Assert.AreEqual("k1", damaged.Keys.CurrentId);

            flash.Write(CommandKeys.BlobName, record, 10);
            Assert.IsTrue(Pod(flash, false).Keys.FoundCorruptRecord);

            flash.FailReads = true;
            CommandAuthenticator unreadable = Pod(flash, false);
            Assert.IsTrue(unreadable.Keys.FoundCorruptRecord);
            Assert.AreEqual(1, unreadable.Keys.StoreFailureCount);
            Assert.AreEqual("k1", unreadable.Keys.CurrentId);
        }

        [TestMethod]
        public static void A_rotation_the_flash_cannot_store_changes_nothing()
        {
            var flash = new FailingBlobStore();
            CommandAuthenticator auth = Pod(flash, false);
            flash.FailWrites = true;
            Assert.AreEqual((int)CommandResultCode.KeyStoreFailed, Rotate(auth, RotateTo("k2", SignedCommands.FilledKey(0x22), "k1", SignedCommands.Key(), "r-1", "00000000000000a1", Now), Now));
            Assert.AreEqual("k1", auth.Keys.CurrentId);
            Assert.IsNull(auth.Keys.PreviousId);
            Assert.AreEqual(1, auth.Keys.StoreFailureCount);
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(auth, SignedCommands.Sign(SignedCommands.Key(), null, Stop("a", "0000000000000001", Now + 1)), Now + 1));
        }

        [TestMethod]
        public static void A_production_build_refuses_commands_checked_with_the_demo_key_and_a_bench_build_takes_them()
        {
            byte[] demo = Hex.TryDecode(CommandKeys.DemoKeyHex);
            Assert.IsTrue(CommandKeys.IsDemoKey(demo));
            Assert.IsFalse(CommandKeys.IsDemoKey(SignedCommands.Key()));
            var production = new CommandKeys("k1", demo, GraceS, null);
            production.RefuseDemoKey = true;
            var auth = new CommandAuthenticator(SignedCommands.Pod, production, 120, 64);
            byte[] envelope = SignedCommands.Sign(demo, null, Stop("a", "0000000000000001", Now));
            Assert.AreEqual((int)CommandAuthResult.DemoKey, Verify(auth, envelope, Now));
            Assert.AreEqual("the public demo key is refused on a production build", auth.LastReason);
            Assert.AreEqual("demo_key", CommandAuthenticator.ResultName(CommandAuthResult.DemoKey));

            var bench = new CommandAuthenticator(SignedCommands.Pod, new CommandKeys("k1", demo, GraceS, null), 120, 64);
            Assert.AreEqual((int)CommandAuthResult.Ok, Verify(bench, envelope, Now));
        }

        [TestMethod]
        public static void An_empty_type_names_no_command()
        {
            CommandAuthenticator auth = Pod(new FailingBlobStore(), false);
            Assert.AreEqual((int)CommandAuthResult.UnknownType, Verify(auth, SignedCommands.Sign(SignedCommands.Json("", "a", "0000000000000001", Now, "")), Now));
        }

        [TestMethod]
        public static void A_key_id_is_1_to_16_printable_ascii_characters_without_spaces()
        {
            Assert.IsTrue(CommandKeys.IsKeyId("k"));
            Assert.IsTrue(CommandKeys.IsKeyId("2026-12.pod_017!"));
            Assert.IsFalse(CommandKeys.IsKeyId(""));
            Assert.IsFalse(CommandKeys.IsKeyId(null));
            Assert.IsFalse(CommandKeys.IsKeyId("k 1"));
            Assert.IsFalse(CommandKeys.IsKeyId("k23456789012345678"));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new CommandKeys("k 1", SignedCommands.Key(), 0, null));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new CommandKeys("k1", new byte[16], 0, null));
        }

        [TestMethod]
        public static void The_config_checks_the_key_id_and_the_grace_time()
        {
            var config = new CommandsConfig();
            config.KeyHex = Hex.ToLowerString(SignedCommands.Key());
            Assert.AreEqual(0, Validate(config).Count);
            config.KeyId = "k 1";
            config.KeyGraceS = -1;
            PodFirmware.Drivers.Config.ConfigErrors errors = Validate(config);
            Assert.AreEqual(2, errors.Count);
            Assert.Contains("commands.keyId", errors[0]);
            Assert.Contains("commands.keyGraceS", errors[1]);
            config.KeyId = "k2";
            config.KeyGraceS = 2592000;
            Assert.AreEqual(0, Validate(config).Count);
            config.KeyGraceS = 2592001;
            Assert.AreEqual(1, Validate(config).Count);
        }

        private static PodFirmware.Drivers.Config.ConfigErrors Validate(CommandsConfig config)
        {
            var errors = new PodFirmware.Drivers.Config.ConfigErrors();
            config.Validate("commands", errors);
            return errors;
        }
    }
}
