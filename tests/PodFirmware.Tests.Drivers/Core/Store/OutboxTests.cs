using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Store
{
    [TestClass]
    public class OutboxTests
    {
        private const int PayloadMax = 64;

        [TestMethod]
        public static void Writes_the_record_to_the_store_before_Append_returns_and_reads_it_back_after_a_reboot()
        {
            var store = new MemoryBlobStore();
            var outbox = new Outbox(store, 4, PayloadMax);
            long sequence;
            Assert.IsTrue(outbox.Append(RecordKind.Session, Payload("session-1"), 9, out sequence));
            Assert.AreEqual(1L, sequence, "a fresh store numbers from 1");
            Assert.AreEqual(1, outbox.Count);

            var rebooted = new Outbox(store, 4, PayloadMax);
            Assert.AreEqual(1, rebooted.Count);
            AssertNext(rebooted, -1, 1L, RecordKind.Session, "session-1");
            Assert.AreEqual(0, rebooted.DiscardedCorruptCount);
        }

        [TestMethod]
        public static void Lists_records_in_sequence_order_whatever_slot_they_occupy()
        {
            var store = new MemoryBlobStore();
            var outbox = new Outbox(store, 3, PayloadMax);
            long a, b, c, d;
            outbox.Append(RecordKind.Alarm, Payload("a"), 1, out a);
            outbox.Append(RecordKind.Session, Payload("b"), 1, out b);
            outbox.Append(RecordKind.Alarm, Payload("c"), 1, out c);
            Assert.IsTrue(outbox.Remove(a));
            outbox.Append(RecordKind.Session, Payload("d"), 1, out d); // reuses slot 0

            var rebooted = new Outbox(store, 3, PayloadMax);
            AssertNext(rebooted, -1, b, RecordKind.Session, "b");
            AssertNext(rebooted, b, c, RecordKind.Alarm, "c");
            AssertNext(rebooted, c, d, RecordKind.Session, "d");
            var buffer = new byte[PayloadMax];
            long s;
            RecordKind kind;
            int length;
            Assert.IsFalse(rebooted.TryGetNextAfter(d, buffer, out s, out kind, out length));
        }

        [TestMethod]
        public static void Remove_deletes_the_slot_blob_and_a_second_remove_reports_false()
        {
            var store = new MemoryBlobStore();
            var outbox = new Outbox(store, 2, PayloadMax);
            long sequence;
            outbox.Append(RecordKind.Alarm, Payload("x"), 1, out sequence);
            int blobsWithRecord = store.Count;

            Assert.IsTrue(outbox.Remove(sequence));
            Assert.AreEqual(blobsWithRecord - 1, store.Count);
            Assert.IsFalse(outbox.Remove(sequence));
            Assert.AreEqual(0, outbox.Count);
            Assert.AreEqual(0, new Outbox(store, 2, PayloadMax).Count);
        }

        [TestMethod]
        public static void Sequence_numbers_keep_rising_across_reboots_even_after_every_record_was_removed()
        {
            var store = new MemoryBlobStore();
            long last = -1;
            for (int boot = 0; boot < 5; boot++)
            {
                var outbox = new Outbox(store, 4, PayloadMax);
                for (int i = 0; i < 3; i++)
                {
                    long sequence;
                    Assert.IsTrue(outbox.Append(RecordKind.Session, Payload("s"), 1, out sequence));
                    Assert.IsTrue(sequence > last, "boot " + boot.ToString() + ": " + sequence.ToString() + " after " + last.ToString());
                    last = sequence;
                    Assert.IsTrue(outbox.Remove(sequence));
                }

                Assert.AreEqual(0, outbox.Count);
            }

            // Each boot skips at most one reserved block.
            Assert.IsTrue(last < 5 * Outbox.SequenceBlock, "last " + last.ToString());
        }

        [TestMethod]
        public static void NextSequence_is_the_number_the_next_append_assigns()
        {
            var outbox = new Outbox(new MemoryBlobStore(), 2, PayloadMax);
            for (int i = 0; i < 20; i++)
            {
                long expected = outbox.NextSequence;
                long sequence;
                outbox.Append(RecordKind.Alarm, Payload("a"), 1, out sequence);
                Assert.AreEqual(expected, sequence);
                outbox.Remove(sequence);
            }
        }

        [TestMethod]
        public static void When_full_evicts_the_oldest_telemetry_first_and_counts_it_apart_from_overflow()
        {
            var store = new MemoryBlobStore();
            var outbox = new Outbox(store, 3, PayloadMax);
            long t1, alarm, t2, session;
            outbox.Append(RecordKind.Alarm, Payload("alarm"), 5, out alarm);
            outbox.Append(RecordKind.Telemetry, Payload("t1"), 2, out t1);
            outbox.Append(RecordKind.Telemetry, Payload("t2"), 2, out t2);
            Assert.IsTrue(outbox.IsFull);

            Assert.IsTrue(outbox.Append(RecordKind.Session, Payload("session"), 7, out session));
            Assert.IsFalse(outbox.Contains(t1), "oldest telemetry evicted");
            Assert.IsTrue(outbox.Contains(t2));
            Assert.IsTrue(outbox.Contains(alarm));
            Assert.AreEqual(1, outbox.TelemetryDroppedCount);
            Assert.AreEqual(0, outbox.OverflowCount);
            Assert.AreEqual(3, new Outbox(store, 3, PayloadMax).Count);
        }

        [TestMethod]
        public static void Refuses_new_telemetry_when_full_of_alarms_and_sessions()
        {
            var outbox = new Outbox(new MemoryBlobStore(), 2, PayloadMax);
            long a, b, t;
            outbox.Append(RecordKind.Alarm, Payload("a"), 1, out a);
            outbox.Append(RecordKind.Session, Payload("b"), 1, out b);

            Assert.IsFalse(outbox.Append(RecordKind.Telemetry, Payload("t"), 1, out t));
            Assert.AreEqual(-1L, t);
            Assert.IsTrue(outbox.Contains(a) && outbox.Contains(b));
            Assert.AreEqual(1, outbox.TelemetryDroppedCount);
            Assert.AreEqual(0, outbox.OverflowCount);
        }

        [TestMethod]
        public static void When_full_of_alarms_and_sessions_a_new_one_evicts_the_oldest_and_counts_an_overflow()
        {
            var store = new MemoryBlobStore();
            var outbox = new Outbox(store, 2, PayloadMax);
            long a, b, c;
            outbox.Append(RecordKind.Session, Payload("a"), 1, out a);
            outbox.Append(RecordKind.Alarm, Payload("b"), 1, out b);

            Assert.IsTrue(outbox.Append(RecordKind.Alarm, Payload("c"), 1, out c));
            Assert.IsFalse(outbox.Contains(a));
            Assert.IsTrue(outbox.Contains(b) && outbox.Contains(c));
            Assert.AreEqual(1, outbox.OverflowCount);
            Assert.AreEqual(2, outbox.Count);
        }

        [TestMethod]
        public static void A_command_result_gives_way_before_an_alarm_but_not_to_telemetry()
        {
            var outbox = new Outbox(new MemoryBlobStore(), 2, PayloadMax);
            long result, alarm, newAlarm, telemetry;
            outbox.Append(RecordKind.Alarm, Payload("a"), 1, out alarm);
            outbox.Append(RecordKind.CommandResult, Payload("r"), 1, out result);

            Assert.IsFalse(outbox.Append(RecordKind.Telemetry, Payload("t"), 1, out telemetry));
            Assert.IsTrue(outbox.Contains(result));
            Assert.IsTrue(outbox.Append(RecordKind.Alarm, Payload("n"), 1, out newAlarm));
            Assert.IsFalse(outbox.Contains(result));
            Assert.IsTrue(outbox.Contains(alarm));
            Assert.AreEqual(1, outbox.OverflowCount);
        }

        [TestMethod]
        public static void A_power_cut_at_every_byte_of_a_record_write_never_yields_a_corrupt_record_or_loses_a_completed_one()
        {
            const string c = "charlie-payload";
            int fullLength = OutboxRecordFormat.Overhead + c.Length;
            for (int k = 0; k <= fullLength; k++)
            {
                var store = new TearingBlobStore();
                var outbox = new Outbox(store, 4, PayloadMax);
                long a, b, torn;
                Assert.IsTrue(outbox.Append(RecordKind.Alarm, Payload("alpha"), 5, out a));
                Assert.IsTrue(outbox.Append(RecordKind.Session, Payload("bravo"), 5, out b));
                store.TearNextWrite("outbox-02", k);
                outbox.Append(RecordKind.Session, Payload(c), c.Length, out torn);
                Assert.AreEqual(k, store.LengthOf("outbox-02"), "the double persisted exactly k bytes");
                store.PowerOn();

                var rebooted = new Outbox(store, 4, PayloadMax);
                string at = "cut at byte " + k.ToString();
                AssertNext(rebooted, -1, a, RecordKind.Alarm, "alpha");
                AssertNext(rebooted, a, b, RecordKind.Session, "bravo");
                var buffer = new byte[PayloadMax];
                long sequence;
                RecordKind kind;
                int length;
                bool hasC = rebooted.TryGetNextAfter(b, buffer, out sequence, out kind, out length);
                if (k == fullLength)
                {
                    Assert.IsTrue(hasC, at + ": the completed write is kept");
                    Assert.AreEqual(b + 1, sequence, at);
                    Assert.AreEqual(c, Text(buffer, length), at);
                    Assert.AreEqual(0, rebooted.DiscardedCorruptCount, at);
                }
                else
                {
                    Assert.IsFalse(hasC, at + ": a torn record is never offered");
                    Assert.AreEqual(2, rebooted.Count, at);
                    Assert.AreEqual(1, rebooted.DiscardedCorruptCount, at + ": a torn blob (even an empty one) is discarded and counted");
                    Assert.IsFalse(store.Exists("outbox-02"), at + ": the torn blob is deleted");
                }

                long d;
                Assert.IsTrue(rebooted.Append(RecordKind.Alarm, Payload("delta"), 5, out d), at + ": keeps working");
                Assert.IsTrue(d > b + 1 || (k < fullLength && d > b), at + ": sequence never reused");
                var again = new Outbox(store, 4, PayloadMax);
                Assert.AreEqual(k == fullLength ? 4 : 3, again.Count, at);
                Assert.IsTrue(again.Contains(d), at);
            }
        }

        [TestMethod]
        public static void A_power_cut_while_writing_the_sequence_mark_never_lets_a_number_repeat()
        {
            for (int k = 0; k <= 16; k++)
            {
                var store = new TearingBlobStore();
                var outbox = new Outbox(store, 2, PayloadMax);
                long last = -1;
                long sequence;
                for (int i = 0; i < Outbox.SequenceBlock; i++)
                {
                    outbox.Append(RecordKind.Alarm, Payload("a"), 1, out sequence);
                    outbox.Remove(sequence);
                    last = sequence;
                }

                // The next append must reserve a new block: its mark write is cut at byte k.
                store.TearNextWrite("outbox-seq-1", k);
                Assert.IsFalse(outbox.Append(RecordKind.Alarm, Payload("b"), 1, out sequence));
                store.PowerOn();

                var rebooted = new Outbox(store, 2, PayloadMax);
                Assert.IsTrue(rebooted.Append(RecordKind.Alarm, Payload("c"), 1, out sequence));
                Assert.IsTrue(sequence > last, "cut at byte " + k.ToString() + ": " + sequence.ToString() + " after " + last.ToString());
            }
        }

        [TestMethod]
        public static void A_flipped_bit_anywhere_in_a_record_discards_only_that_record_and_counts_it()
        {
            const string text = "bit-flip";
            int fullLength = OutboxRecordFormat.Overhead + text.Length;
            for (int index = 0; index < fullLength; index++)
            {
                var store = new TearingBlobStore();
                var outbox = new Outbox(store, 3, PayloadMax);
                long a, b;
                outbox.Append(RecordKind.Alarm, Payload("keep"), 4, out a);
                outbox.Append(RecordKind.Session, Payload(text), text.Length, out b);
                store.FlipBit("outbox-01", index, index % 8);

                var rebooted = new Outbox(store, 3, PayloadMax);
                string at = "bit flipped in byte " + index.ToString();
                Assert.AreEqual(1, rebooted.Count, at);
                Assert.AreEqual(1, rebooted.DiscardedCorruptCount, at);
                Assert.IsTrue(rebooted.Contains(a), at);
                Assert.IsFalse(store.Exists("outbox-01"), at);
            }
        }

        [TestMethod]
        public static void A_flipped_byte_in_a_whole_session_record_is_counted_as_damaged_with_its_id_and_kind()
        {
            var store = new TearingBlobStore();
            var outbox = new Outbox(store, 3, PayloadMax);
            long a, b;
            outbox.Append(RecordKind.Alarm, Payload("keep"), 4, out a);
            outbox.Append(RecordKind.Session, Payload("session"), 7, out b);
            Assert.AreEqual(0, outbox.DamagedCount);
            Assert.AreEqual(-1L, outbox.LastDamagedSequence);

            // one payload byte flipped: the record was written whole, so this is bit rot, not a torn write
            store.FlipBit("outbox-01", OutboxRecordFormat.HeaderLength + 2, 5);
            var rebooted = new Outbox(store, 3, PayloadMax);
            Assert.AreEqual(1, rebooted.Count);
            Assert.AreEqual(1, rebooted.DiscardedCorruptCount);
            Assert.AreEqual(1, rebooted.DamagedCount);
            Assert.AreEqual(b, rebooted.LastDamagedSequence);
            Assert.AreEqual((int)RecordKind.Session, (int)rebooted.LastDamagedKind);
        }

        [TestMethod]
        public static void A_torn_write_is_discarded_but_not_counted_as_damaged()
        {
            var store = new TearingBlobStore();
            var outbox = new Outbox(store, 3, PayloadMax);
            long a, b;
            outbox.Append(RecordKind.Alarm, Payload("keep"), 4, out a);
            store.TearNextWrite("outbox-01", OutboxRecordFormat.Overhead + 3);
            outbox.Append(RecordKind.Session, Payload("session"), 7, out b);
            store.PowerOn();

            var rebooted = new Outbox(store, 3, PayloadMax);
            Assert.AreEqual(1, rebooted.Count);
            Assert.AreEqual(1, rebooted.DiscardedCorruptCount);
            Assert.AreEqual(0, rebooted.DamagedCount);
            Assert.AreEqual(-1L, rebooted.LastDamagedSequence);
        }

        [TestMethod]
        public static void A_damaged_record_whose_header_is_unreadable_is_counted_without_an_id_or_kind()
        {
            var store = new TearingBlobStore();
            var outbox = new Outbox(store, 3, PayloadMax);
            long a;
            outbox.Append(RecordKind.Session, Payload("session"), 7, out a);
            store.FlipBit("outbox-00", 3, 6);
            store.FlipBit("outbox-00", 11, 7);

            var rebooted = new Outbox(store, 3, PayloadMax);
            Assert.AreEqual(1, rebooted.DamagedCount);
            Assert.AreEqual(-1L, rebooted.LastDamagedSequence);
            Assert.AreEqual(0, (int)rebooted.LastDamagedKind);
        }

        [TestMethod]
        public static void A_record_corrupted_after_boot_is_skipped_discarded_and_counted_when_read()
        {
            var store = new TearingBlobStore();
            var outbox = new Outbox(store, 3, PayloadMax);
            long a, b;
            outbox.Append(RecordKind.Alarm, Payload("a"), 1, out a);
            outbox.Append(RecordKind.Alarm, Payload("b"), 1, out b);
            store.FlipBit("outbox-00", OutboxRecordFormat.HeaderLength, 3);

            AssertNext(outbox, -1, b, RecordKind.Alarm, "b");
            Assert.AreEqual(1, outbox.DiscardedCorruptCount);
            Assert.AreEqual(1, outbox.Count);
        }

        [TestMethod]
        public static void A_failing_store_write_keeps_nothing_and_is_counted()
        {
            var store = new TearingBlobStore();
            var outbox = new Outbox(store, 2, PayloadMax);
            long sequence;
            store.TearNextWrite("outbox-00", 3);
            Assert.IsFalse(outbox.Append(RecordKind.Alarm, Payload("a"), 1, out sequence));
            Assert.IsTrue(store.Exists("outbox-00"), "the double kept the torn bytes");
            store.PowerOn();
            Assert.AreEqual(-1L, sequence);
            Assert.AreEqual(0, outbox.Count);
            Assert.IsTrue(outbox.StoreFailureCount >= 1);
            Assert.IsTrue(outbox.Append(RecordKind.Alarm, Payload("b"), 1, out sequence));
            Assert.AreEqual(1, outbox.Count);
        }

        [TestMethod]
        public static void Refuses_a_payload_longer_than_the_configured_maximum()
        {
            var outbox = new Outbox(new MemoryBlobStore(), 2, 8);
            long sequence;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => outbox.Append(RecordKind.Alarm, new byte[9], 9, out sequence));
        }

        [TestMethod]
        public static void A_blob_larger_than_a_record_can_be_is_discarded_at_recovery()
        {
            var store = new MemoryBlobStore();
            store.Write("outbox-01", new byte[200], 200);
            var outbox = new Outbox(store, 2, 16);
            Assert.AreEqual(0, outbox.Count);
            Assert.AreEqual(1, outbox.DiscardedCorruptCount);
        }

        internal static byte[] Payload(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        internal static string Text(byte[] buffer, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)buffer[i];
            }

            return new string(chars);
        }

        private static void AssertNext(Outbox outbox, long after, long expectedSequence, RecordKind expectedKind, string expectedText)
        {
            var buffer = new byte[PayloadMax];
            long sequence;
            RecordKind kind;
            int length;
            Assert.IsTrue(outbox.TryGetNextAfter(after, buffer, out sequence, out kind, out length), "a record after " + after.ToString());
            Assert.AreEqual(expectedSequence, sequence);
            Assert.AreEqual((int)expectedKind, (int)kind);
            Assert.AreEqual(expectedText, Text(buffer, length));
        }
    }
}
