using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Tests.Drivers.Adapters;
using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Core.Store
{
    /// <summary>
    /// One long run of the outbox over the board's file protocol (<see cref="FileBlobStore"/> over
    /// <see cref="MemoryBlobFiles"/>): appends of alarms, session records and results of random lengths, removals as
    /// acknowledgements arrive, and at random points a power cut (after a random number of file changes, or in the
    /// middle of a write, at a random byte), then a reboot over the same files. After every reboot: no record is
    /// offered that was not written whole with that number, every record whose append completed and that was not
    /// removed is still there, and the numbers keep rising. POD_STORE_CUTS sets the number of cuts (10,000 by hand;
    /// 300 in <c>./pod test</c>).
    /// </summary>
    public class OutboxCutPointTests
    {
        private static bool PowerIsOn(TearableFiles files)
        {
            try
            {
                files.Inner.Exists("power-probe");
                return true;
            }
            catch (MemoryBlobFiles.PowerCutException)
            {
                return false;
            }
        }

        private const int Capacity = 8;
        private const int PayloadMax = 256;
        private readonly ITestOutputHelper _output;

        public OutboxCutPointTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static int Cuts()
        {
            string text = Environment.GetEnvironmentVariable("POD_STORE_CUTS");
            return string.IsNullOrEmpty(text) ? 300 : int.Parse(text, CultureInfo.InvariantCulture);
        }

        [Fact]
        public void A_long_run_with_a_reboot_at_each_random_cut_point_never_delivers_a_corrupt_record_nor_loses_a_completed_one()
        {
            int cuts = Cuts();
            var random = new Random(20261202);
            var files = new TearableFiles();
            var outbox = new Outbox(new FileBlobStore(files), Capacity, PayloadMax);
            var held = new Dictionary<long, string>();      // completed appends not removed: must survive
            var attempted = new Dictionary<long, string>(); // every number an append was given, completed or not
            long highest = -1;
            long appends = 0, removals = 0, tornWrites = 0, changeCuts = 0;
            var buffer = new byte[PayloadMax];
            var started = System.Diagnostics.Stopwatch.StartNew();

            for (int cut = 0; cut < cuts; cut++)
            {
                // Run until the power goes: it is armed after a few operations, at a random change or byte.
                int armAfter = random.Next(0, 12);
                bool armed = false;
                bool off = false;
                for (int op = 0; !off; op++)
                {
                    if (!armed && op >= armAfter)
                    {
                        armed = true;
                        if (random.Next(2) == 0)
                        {
                            files.CutPowerAfter(random.Next(0, 6));
                            changeCuts++;
                        }
                        else
                        {
                            files.TearNextWriteAt(random.NextDouble());
                            tornWrites++;
                        }
                    }

                    if (!PowerIsOn(files))
                    {
                        off = true;
                        continue;
                    }

                    if (outbox.Count >= Capacity - 1 || (outbox.Count > 0 && random.Next(3) == 0))
                    {
                        // The broker acknowledged the oldest record. A cut during the removal may leave it held: it is
                        // then offered again after the reboot (at least once), which the checks below allow.
                        Assert.True(outbox.TryGetNextAfter(-1, buffer, out long sequence, out _, out int length));
                        Assert.Equal(attempted[sequence], Encoding.UTF8.GetString(buffer, 0, length));
                        outbox.Remove(sequence);
                        held.Remove(sequence);
                        removals++;
                    }
                    else
                    {
                        string payload = "r" + appends.ToString(CultureInfo.InvariantCulture) + new string('x', random.Next(0, PayloadMax - 20));
                        byte[] bytes = Encoding.UTF8.GetBytes(payload);
                        RecordKind kind = random.Next(3) switch { 0 => RecordKind.Alarm, 1 => RecordKind.Session, _ => RecordKind.CommandResult };
                        long expected = outbox.NextSequence;
                        attempted[expected] = payload;
                        appends++;
                        int logged = files.Inner.Log.Count;
                        bool appended = outbox.Append(kind, bytes, bytes.Length, out long sequence);
                        for (int i = logged; i < files.Inner.Log.Count; i++)
                        {
                            // Its record write began (a cut in the sequence mark before it leaves the number unused).
                            if (((string)files.Inner.Log[i]).StartsWith("write outbox-0", StringComparison.Ordinal))
                            {
                                highest = Math.Max(highest, expected);
                            }
                        }

                        if (appended)
                        {
                            // Completed: every file change of the append went through, whatever comes next.
                            Assert.Equal(expected, sequence);
                            held[sequence] = payload;
                        }
                        else
                        {
                            Assert.False(PowerIsOn(files), "an append failed with the power on");
                            off = true;
                        }
                    }
                }

                // Reboot over the same files.
                files.PowerOn();
                outbox = new Outbox(new FileBlobStore(files), Capacity, PayloadMax);
                string at = "cut " + cut;
                var seen = new HashSet<long>();
                long after = -1;
                while (outbox.TryGetNextAfter(after, buffer, out long sequence, out _, out int length))
                {
                    Assert.True(sequence > after, at + ": offered in rising order");
                    string text = Encoding.UTF8.GetString(buffer, 0, length);
                    Assert.True(attempted.TryGetValue(sequence, out string written), at + ": record " + sequence + " was never written");
                    Assert.Equal(written, text);
                    seen.Add(sequence);
                    after = sequence;
                    highest = Math.Max(highest, sequence);
                }

                foreach (long sequence in held.Keys)
                {
                    Assert.True(seen.Contains(sequence), at + ": completed record " + sequence + " lost");
                }

                // A record whose removal the cut interrupted, or whose append completed only on the flash, is held again.
                held.Clear();
                foreach (long sequence in seen)
                {
                    held[sequence] = attempted[sequence];
                }

                Assert.True(outbox.NextSequence > highest, at + ": next number " + outbox.NextSequence + " not above " + highest);
            }

            _output.WriteLine(cuts + " cuts (" + changeCuts + " after a random file change, " + tornWrites + " inside a write), "
                + appends + " appends, " + removals + " removals, " + started.ElapsedMilliseconds + " ms");
        }
    }

    /// <summary>
    /// <see cref="MemoryBlobFiles"/> whose next write can be torn at a fraction of its own length (0 keeps no byte,
    /// just under 1 all but the last), whatever file it turns out to be: a record, its temporary copy or a sequence mark.
    /// </summary>
    internal sealed class TearableFiles : PodFirmware.Drivers.Ports.IBlobFiles
    {
        private double _tearAt = -1;

        public MemoryBlobFiles Inner { get; } = new MemoryBlobFiles();

        public void CutPowerAfter(int changes) => Inner.CutPowerAfter(changes);

        public void TearNextWriteAt(double fraction) => _tearAt = fraction;

        public void PowerOn()
        {
            _tearAt = -1;
            Inner.PowerOn();
        }

        public bool Exists(string name) => Inner.Exists(name);

        public int ReadAll(string name, byte[] buffer) => Inner.ReadAll(name, buffer);

        public void WriteAll(string name, byte[] data, int length)
        {
            if (_tearAt >= 0)
            {
                Inner.TearNextWrite(Math.Min(length - 1, (int)(_tearAt * length)) < 0 ? 0 : Math.Min(length - 1, (int)(_tearAt * length)));
                _tearAt = -1;
            }

            Inner.WriteAll(name, data, length);
        }

        public void Delete(string name) => Inner.Delete(name);

        public void Move(string from, string to) => Inner.Move(from, to);
    }
}
