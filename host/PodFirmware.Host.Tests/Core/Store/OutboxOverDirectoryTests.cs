using System;
using System.IO;
using System.Text;
using PodFirmware.Core.Store;
using PodFirmware.Host.Storage;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Store
{
    public sealed class OutboxOverDirectoryTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "pod-outbox-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, recursive: true);
            }
        }

        [Fact]
        public void Records_written_to_the_data_directory_survive_a_restart_in_sequence_order()
        {
            var outbox = new Outbox(new DirectoryBlobStore(_dir), 8, 128);
            for (int i = 0; i < 5; i++)
            {
                byte[] payload = Encoding.ASCII.GetBytes("record-" + i);
                Assert.True(outbox.Append(RecordKind.Session, payload, payload.Length, out long sequence));
                Assert.Equal(i + 1, sequence);
            }

            outbox.Remove(2);
            var restarted = new Outbox(new DirectoryBlobStore(_dir), 8, 128);
            Assert.Equal(4, restarted.Count);
            var buffer = new byte[128];
            long after = -1;
            var seen = new StringBuilder();
            while (restarted.TryGetNextAfter(after, buffer, out long sequence, out RecordKind kind, out int length))
            {
                seen.Append(Encoding.ASCII.GetString(buffer, 0, length)).Append(' ');
                after = sequence;
            }

            Assert.Equal("record-0 record-2 record-3 record-4 ", seen.ToString());
            Assert.True(restarted.NextSequence >= 6);
        }

        [Fact]
        public void A_record_file_truncated_on_disk_is_discarded_and_counted_at_restart()
        {
            var outbox = new Outbox(new DirectoryBlobStore(_dir), 4, 128);
            byte[] payload = Encoding.ASCII.GetBytes("{\"id\":\"pod-1-0\"}");
            outbox.Append(RecordKind.Alarm, payload, payload.Length, out _);
            outbox.Append(RecordKind.Alarm, payload, payload.Length, out _);
            string second = Path.Combine(_dir, "outbox-01");
            byte[] bytes = File.ReadAllBytes(second);
            File.WriteAllBytes(second, bytes[..(bytes.Length - 1)]);

            var restarted = new Outbox(new DirectoryBlobStore(_dir), 4, 128);
            Assert.Equal(1, restarted.Count);
            Assert.Equal(1, restarted.DiscardedCorruptCount);
            Assert.False(File.Exists(second));
        }
    }
}
