using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Adapters;

namespace PodFirmware.Tests.Drivers.Adapters
{
    [TestClass]
    public class FileBlobStoreTests
    {
        private static readonly byte[] Old = new byte[] { 1, 1, 1, 1 };
        private static readonly byte[] New = new byte[] { 2, 2 };

        [TestMethod]
        public static void Round_trips_the_first_length_bytes_and_reports_absent_and_too_long()
        {
            var files = new MemoryBlobFiles();
            var store = new FileBlobStore(files);
            Assert.AreEqual(-1, store.Read("latch", new byte[4]));

            store.Write("latch", new byte[] { 9, 8, 7, 6 }, 3);
            var buffer = new byte[8];
            Assert.AreEqual(3, store.Read("latch", buffer));
            Assert.AreEqual(7, (int)buffer[2]);
            Assert.AreEqual(-2, store.Read("latch", new byte[2]));
            Assert.AreEqual(1, files.Count, "no temporary file left");
        }

        [TestMethod]
        public static void A_write_goes_to_the_temporary_file_then_deletes_the_old_one_then_renames()
        {
            var files = new MemoryBlobFiles();
            var store = new FileBlobStore(files);
            store.Write("outbox-01", Old, Old.Length);
            files.Log.Clear();

            store.Write("outbox-01", New, New.Length);

            Assert.AreEqual(3, files.Log.Count);
            Assert.AreEqual("write outbox-01.tmp", (string)files.Log[0]);
            Assert.AreEqual("delete outbox-01", (string)files.Log[1]);
            Assert.AreEqual("move outbox-01.tmp outbox-01", (string)files.Log[2]);
        }

        // A power cut after 0, 1, 2 or 3 of the write's file operations: after the reboot a read sees the old or
        // the new content, complete, and never nothing.
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(2, 2)]
        [DataRow(3, 2)]
        [TestMethod]
        public static void A_power_cut_anywhere_in_an_overwrite_leaves_the_old_or_the_new_content(int changesBeforeCut, int expectedByte)
        {
            var files = new MemoryBlobFiles();
            new FileBlobStore(files).Write("latch", Old, Old.Length);

            files.CutPowerAfter(changesBeforeCut);
            try
            {
                new FileBlobStore(files).Write("latch", New, New.Length);
            }
            catch (MemoryBlobFiles.PowerCutException)
            {
                // the board died here
            }

            files.PowerOn();
            var rebooted = new FileBlobStore(files);
            var buffer = new byte[8];
            int length = rebooted.Read("latch", buffer);

            Assert.AreEqual(expectedByte == 1 ? Old.Length : New.Length, length);
            Assert.AreEqual(expectedByte, (int)buffer[0]);
            Assert.AreEqual(length, rebooted.Read("latch", buffer), "a promoted file reads the same again");
        }

        [TestMethod]
        public static void A_torn_temporary_file_beside_the_blob_is_ignored_and_removed_by_delete()
        {
            var files = new MemoryBlobFiles();
            var store = new FileBlobStore(files);
            store.Write("outbox-02", Old, Old.Length);
            files.TearNextWrite(1);
            try
            {
                store.Write("outbox-02", New, New.Length);
            }
            catch (MemoryBlobFiles.PowerCutException)
            {
            }

            files.PowerOn();
            var buffer = new byte[8];
            Assert.AreEqual(Old.Length, store.Read("outbox-02", buffer));
            Assert.AreEqual(1, (int)buffer[0]);

            store.Delete("outbox-02");
            Assert.AreEqual(0, files.Count);
            store.Delete("outbox-02");
        }

        [TestMethod]
        public static void A_first_write_torn_mid_file_is_promoted_and_left_to_the_caller_checksum()
        {
            var files = new MemoryBlobFiles();
            files.TearNextWrite(1);
            try
            {
                new FileBlobStore(files).Write("latch", Old, Old.Length);
            }
            catch (MemoryBlobFiles.PowerCutException)
            {
            }

            files.PowerOn();
            Assert.AreEqual(1, new FileBlobStore(files).Read("latch", new byte[8]), "the torn byte, for the caller's checksum to reject");
            Assert.IsNull(files.Content("latch.tmp"));
        }

        [DataRow("")]
        [DataRow("Latch")]
        [DataRow("x.tmp")]
        [DataRow("a/b")]
        [DataRow("..")]
        [DataRow("name with space")]
        [DataRow("a2345678901234567890123456789012345678901234567890123456789012345")]
        [TestMethod]
        public static void Refuses_names_outside_1_to_64_of_a_z_0_9_and_dash_before_touching_a_file(string name)
        {
            var files = new MemoryBlobFiles();
            var store = new FileBlobStore(files);
            Assert.ThrowsException(typeof(ArgumentException), () => store.Write(name, new byte[1], 1));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Read(name, new byte[1]));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Delete(name));
            Assert.AreEqual(0, files.Log.Count);
        }

        [TestMethod]
        public static void Accepts_a_64_character_name_and_refuses_a_bad_length_or_missing_buffers()
        {
            var files = new MemoryBlobFiles();
            var store = new FileBlobStore(files);
            store.Write("a234567890123456789012345678901234567890123456789012345678901234", new byte[1], 1);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Write("a", new byte[1], 2));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Write("a", new byte[1], -1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.Write("a", null, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.Read("a", null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new FileBlobStore(null));
        }
    }
}
