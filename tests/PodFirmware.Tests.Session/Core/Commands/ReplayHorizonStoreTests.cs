using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Safety;
using PodFirmware.Tests.Core.Safety;
using PodFirmware.Tests.Core.Store;

namespace PodFirmware.Tests.Core.Commands
{
    /// <summary>The newest accepted ts survives a reboot as the replay horizon; a damaged record fails safe.</summary>
    [TestClass]
    public class ReplayHorizonStoreTests
    {
        private static string Stop(string id, string nonce, long ts)
        {
            return SignedCommands.Json("stop", id, nonce, ts, "");
        }

        /// <summary>Verifies <paramref name="envelope"/> at <paramref name="nowUtcS"/> as the pump does: clock first, then verify, then record an acceptance.</summary>
        private static CommandAuthResult Intake(ReplayHorizonStore store, CommandAuthenticator authenticator, byte[] envelope, long nowUtcS)
        {
            store.OnClock(nowUtcS);
            var command = new Command();
            CommandAuthResult result = authenticator.Verify(envelope, envelope.Length, nowUtcS, command);
            if (result == CommandAuthResult.Ok)
            {
                store.Accepted(command.TimestampUtcS);
            }

            return result;
        }

        /// <summary>A boot: a new authenticator (empty replay memory) and a new store object over the same flash, restored.</summary>
        private static ReplayHorizonStore Boot(FailingBlobStore flash, out CommandAuthenticator authenticator)
        {
            authenticator = SignedCommands.NewAuthenticator();
            var store = new ReplayHorizonStore(flash, authenticator);
            store.Restore();
            return store;
        }

        [TestMethod]
        public static void A_new_pod_has_no_record_and_no_horizon()
        {
            var flash = new FailingBlobStore();
            CommandAuthenticator authenticator;
            ReplayHorizonStore store = Boot(flash, out authenticator);
            Assert.IsTrue(store.FoundNoRecord);
            Assert.IsFalse(store.FoundCorruptRecord);
            Assert.IsFalse(store.AwaitingClock);
            Assert.IsFalse(authenticator.HasReplayHorizon);
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Intake(store, authenticator, SignedCommands.Sign(Stop("s-1", SignedCommands.Nonce1, SignedCommands.Now)), SignedCommands.Now));
        }

        [TestMethod]
        public static void A_command_accepted_before_a_reboot_is_refused_as_replayed_after_it_and_a_fresh_one_is_accepted()
        {
            var flash = new FailingBlobStore();
            CommandAuthenticator authenticator;
            ReplayHorizonStore store = Boot(flash, out authenticator);
            byte[] envelope = SignedCommands.Sign(Stop("s-1", SignedCommands.Nonce1, SignedCommands.Now));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Intake(store, authenticator, envelope, SignedCommands.Now));
            Assert.AreEqual(1, flash.Count, "one record written");

            store = Boot(flash, out authenticator);
            Assert.IsTrue(store.HasNewestAccepted);
            Assert.AreEqual(SignedCommands.Now, store.NewestAcceptedUtcS);
            Assert.IsTrue(authenticator.HasReplayHorizon, "restored before any command is verified");
            Assert.AreEqual(SignedCommands.Now, authenticator.ReplayHorizonUtcS);

            // 5 s later, well inside the 120 s window: without the record this would be accepted again.
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Intake(store, authenticator, envelope, SignedCommands.Now + 5));
            byte[] fresh = SignedCommands.Sign(Stop("s-2", SignedCommands.Nonce2, SignedCommands.Now + 5));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Intake(store, authenticator, fresh, SignedCommands.Now + 5));
        }

        [TestMethod]
        public static void Only_a_newer_ts_is_written_and_the_record_holds_the_newest()
        {
            var flash = new FailingBlobStore();
            CommandAuthenticator authenticator;
            ReplayHorizonStore store = Boot(flash, out authenticator);
            store.Accepted(SignedCommands.Now + 30);
            flash.FailWrites = true;

            // Not newer: nothing is written, so the failing flash is not even touched.
            store.Accepted(SignedCommands.Now + 10);
            store.Accepted(SignedCommands.Now + 30);
            Assert.AreEqual(0, store.StoreFailureCount, "an older or equal ts writes nothing");
            Assert.AreEqual(SignedCommands.Now + 30, store.NewestAcceptedUtcS);

            flash.FailWrites = false;
            store = Boot(flash, out authenticator);
            Assert.AreEqual(SignedCommands.Now + 30, authenticator.ReplayHorizonUtcS);
        }

        [TestMethod]
        public static void The_record_is_16_bytes_magic_version_ts_and_CRC32()
        {
            var flash = new FailingBlobStore();
            CommandAuthenticator authenticator;
            ReplayHorizonStore store = Boot(flash, out authenticator);
            store.Accepted(0x0102030405060708L);
            var record = new byte[64];
            Assert.AreEqual(ReplayHorizonStore.RecordLength, flash.Read(ReplayHorizonStore.BlobName, record));
            byte[] expected = new byte[] { (byte)'R', (byte)'H', 1, 0, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], record[i], "byte " + i.ToString());
            }

            uint crc = Crc32.Compute(record, 0, 12);
            Assert.AreEqual((byte)crc, record[12]);
            Assert.AreEqual((byte)(crc >> 8), record[13]);
            Assert.AreEqual((byte)(crc >> 16), record[14]);
            Assert.AreEqual((byte)(crc >> 24), record[15]);
        }

        [DataRow(12, 0)]
        [DataRow(0, 0x53)]
        [DataRow(2, 2)]
        [DataRow(6, 0x55)]
        [DataRow(15, 0x00)]
        [DataRow(-1, 0)]
        [TestMethod]
        public static void A_damaged_record_fails_safe_to_the_pod_time_plus_the_window(int index, int value)
        {
            // index >= 0: that byte replaced by value (a flipped ts, magic, version or checksum); -1: a record one byte too long.
            var flash = new FailingBlobStore();
            CommandAuthenticator authenticator;
            ReplayHorizonStore store = Boot(flash, out authenticator);
            store.Accepted(SignedCommands.Now);
            var record = new byte[ReplayHorizonStore.RecordLength + 1];
            flash.Read(ReplayHorizonStore.BlobName, record);
            if (index >= 0)
            {
                record[index] = record[index] == (byte)value ? (byte)(value ^ 0xFF) : (byte)value;
                flash.Write(ReplayHorizonStore.BlobName, record, ReplayHorizonStore.RecordLength);
            }
            else
            {
                flash.Write(ReplayHorizonStore.BlobName, record, record.Length);
            }

            store = Boot(flash, out authenticator);
            Assert.IsTrue(store.FoundCorruptRecord);
            Assert.IsTrue(store.AwaitingClock);
            Assert.IsFalse(authenticator.HasReplayHorizon, "no horizon before the pod knows its time");

            // The pod's UTC becomes valid at Now + 60: every command that could have been accepted before the boot had ts <= Now + 60 + 120.
            long bootUtcS = SignedCommands.Now + 60;
            byte[] insideHorizon = SignedCommands.Sign(Stop("s-2", SignedCommands.Nonce2, bootUtcS + 120));
            Assert.AreEqual((int)CommandAuthResult.Replayed, (int)Intake(store, authenticator, insideHorizon, bootUtcS));
            Assert.AreEqual(bootUtcS + authenticator.WindowS, authenticator.ReplayHorizonUtcS);
            Assert.IsFalse(store.AwaitingClock, "applied once");

            byte[] afterHorizon = SignedCommands.Sign(Stop("s-3", SignedCommands.Nonce1, bootUtcS + 121));
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Intake(store, authenticator, afterHorizon, bootUtcS + 2));
        }

        [TestMethod]
        public static void A_failing_read_at_boot_fails_safe_and_is_counted()
        {
            var flash = new FailingBlobStore();
            flash.FailReads = true;
            CommandAuthenticator authenticator;
            ReplayHorizonStore store = Boot(flash, out authenticator);
            Assert.IsTrue(store.FoundCorruptRecord);
            Assert.AreEqual(1, store.StoreFailureCount);
            store.OnClock(SignedCommands.Now);
            Assert.AreEqual(SignedCommands.Now + 120, authenticator.ReplayHorizonUtcS);
        }

        [TestMethod]
        public static void A_failing_write_is_counted_the_command_stands_and_the_next_acceptance_writes_again()
        {
            var flash = new FailingBlobStore();
            CommandAuthenticator authenticator;
            ReplayHorizonStore store = Boot(flash, out authenticator);
            flash.FailWrites = true;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Intake(store, authenticator, SignedCommands.Sign(Stop("s-1", SignedCommands.Nonce1, SignedCommands.Now)), SignedCommands.Now));
            Assert.AreEqual(1, store.StoreFailureCount);
            Assert.IsFalse(store.HasNewestAccepted);
            Assert.AreEqual(0, flash.Count);

            flash.FailWrites = false;
            Assert.AreEqual((int)CommandAuthResult.Ok, (int)Intake(store, authenticator, SignedCommands.Sign(Stop("s-2", SignedCommands.Nonce2, SignedCommands.Now + 1)), SignedCommands.Now + 1));
            store = Boot(flash, out authenticator);
            Assert.AreEqual(SignedCommands.Now + 1, authenticator.ReplayHorizonUtcS);
        }

        [TestMethod]
        public static void A_power_cut_at_any_byte_of_the_record_write_never_forgets_the_accepted_ts()
        {
            for (int keep = 0; keep <= ReplayHorizonStore.RecordLength; keep++)
            {
                var flash = new TearingBlobStore();
                var store = new ReplayHorizonStore(flash, SignedCommands.NewAuthenticator());
                store.Restore();
                store.Accepted(SignedCommands.Now);
                flash.TearNextWrite(ReplayHorizonStore.BlobName, keep);
                store.Accepted(SignedCommands.Now + 10);
                flash.PowerOn();

                var authenticator = SignedCommands.NewAuthenticator();
                store = new ReplayHorizonStore(flash, authenticator);
                store.Restore();
                store.OnClock(SignedCommands.Now + 20);
                Assert.IsTrue(authenticator.HasReplayHorizon, "kept " + keep.ToString());
                Assert.IsTrue(authenticator.ReplayHorizonUtcS >= SignedCommands.Now + 10, "kept " + keep.ToString() + ": horizon " + authenticator.ReplayHorizonUtcS.ToString());
                Assert.AreEqual(keep < ReplayHorizonStore.RecordLength, store.FoundCorruptRecord, "kept " + keep.ToString());
            }
        }
    }
}
