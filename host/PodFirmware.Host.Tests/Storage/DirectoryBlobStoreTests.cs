using System;
using System.IO;
using PodFirmware.Host.Storage;
using Xunit;

namespace PodFirmware.Host.Tests.Storage
{
    public sealed class DirectoryBlobStoreTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "pod-blobs-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, recursive: true);
            }
        }

        [Fact]
        public void Round_trips_exactly_the_first_length_bytes_and_survives_a_new_instance()
        {
            var store = new DirectoryBlobStore(_dir);
            byte[] data = { 1, 2, 3, 4, 0xFF, 0xEE };
            store.Write("outbox-00", data, 5);

            var buffer = new byte[16];
            int length = new DirectoryBlobStore(_dir).Read("outbox-00", buffer);
            Assert.Equal(5, length);
            Assert.Equal(new byte[] { 1, 2, 3, 4, 0xFF }, buffer[..5]);
            Assert.Equal(5, new FileInfo(Path.Combine(_dir, "outbox-00")).Length);
        }

        [Fact]
        public void Reports_minus_one_for_an_absent_blob_and_minus_two_for_one_longer_than_the_buffer()
        {
            var store = new DirectoryBlobStore(_dir);
            Assert.Equal(-1, store.Read("missing", new byte[4]));
            store.Write("big", new byte[10], 10);
            Assert.Equal(-2, store.Read("big", new byte[9]));
            Assert.Equal(10, store.Read("big", new byte[10]));
        }

        [Fact]
        public void A_write_replaces_the_previous_content_even_when_shorter_and_leaves_no_temporary_file()
        {
            var store = new DirectoryBlobStore(_dir);
            store.Write("seq", new byte[] { 9, 9, 9, 9 }, 4);
            store.Write("seq", new byte[] { 7 }, 1);
            var buffer = new byte[8];
            Assert.Equal(1, store.Read("seq", buffer));
            Assert.Equal(7, buffer[0]);
            Assert.Equal(new[] { "seq" }, Array.ConvertAll(Directory.GetFiles(_dir), Path.GetFileName));
        }

        [Fact]
        public void A_stale_temporary_file_from_a_crash_is_ignored_by_read_and_removed_by_delete()
        {
            var store = new DirectoryBlobStore(_dir);
            store.Write("outbox-01", new byte[] { 1, 2 }, 2);
            File.WriteAllBytes(Path.Combine(_dir, "outbox-01.tmp"), new byte[] { 5 });

            var buffer = new byte[8];
            Assert.Equal(2, store.Read("outbox-01", buffer));
            store.Delete("outbox-01");
            Assert.Empty(Directory.GetFiles(_dir));
            store.Delete("outbox-01"); // absent: no error
        }

        [Fact]
        public void A_complete_temporary_file_without_its_blob_is_promoted_as_on_the_board()
        {
            // What a cut between deleting the old file and the rename leaves behind.
            Directory.CreateDirectory(_dir);
            File.WriteAllBytes(Path.Combine(_dir, "latch.tmp"), new byte[] { 4, 5, 6 });
            var store = new DirectoryBlobStore(_dir);

            var buffer = new byte[8];
            Assert.Equal(3, store.Read("latch", buffer));
            Assert.Equal(new byte[] { 4, 5, 6 }, buffer[..3]);
            Assert.Equal(new[] { "latch" }, Array.ConvertAll(Directory.GetFiles(_dir), Path.GetFileName));
        }

        [Theory]
        [InlineData("")]
        [InlineData("../etc")]
        [InlineData("Outbox")]
        [InlineData("a/b")]
        [InlineData("x.tmp")]
        [InlineData("name with space")]
        public void Refuses_names_outside_lowercase_letters_digits_and_dashes(string name)
        {
            var store = new DirectoryBlobStore(_dir);
            Assert.Throws<ArgumentException>(() => store.Write(name, new byte[1], 1));
            Assert.Throws<ArgumentException>(() => store.Read(name, new byte[1]));
            Assert.Throws<ArgumentException>(() => store.Delete(name));
            Assert.Empty(Directory.GetFiles(_dir));
        }
    }
}
