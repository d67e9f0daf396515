using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Gnss
{
    [TestClass]
    public class SerialGnssFeedTests
    {
        private const string Rmc = "GNRMC,101500.00,A,5130.0000,N,00007.5000,W,0.0,0.0,211126,,,A";

        /// <summary>A UART receive buffer in memory; reads hand out at most <see cref="MaxPerRead"/> bytes.</summary>
        private sealed class FakeUart : ISerialInput
        {
            private byte[] _pending = new byte[0];
            private int _at;

            public int MaxPerRead = 1000;
            public int Reads;
            public int LargestRequest;
            public bool ReturnNothing;

            public void Arrive(byte[] bytes)
            {
                var joined = new byte[_pending.Length - _at + bytes.Length];
                Array.Copy(_pending, _at, joined, 0, _pending.Length - _at);
                Array.Copy(bytes, 0, joined, _pending.Length - _at, bytes.Length);
                _pending = joined;
                _at = 0;
            }

            public int BytesToRead
            {
                get { return _pending.Length - _at; }
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                Reads++;
                LargestRequest = count > LargestRequest ? count : LargestRequest;
                if (ReturnNothing)
                {
                    return 0;
                }

                int n = count < MaxPerRead ? count : MaxPerRead;
                n = n < BytesToRead ? n : BytesToRead;
                Array.Copy(_pending, _at, buffer, offset, n);
                _at += n;
                return n;
            }
        }

        [TestMethod]
        public static void A_poll_feeds_every_buffered_byte_and_the_fix_carries_the_poll_time()
        {
            var uart = new FakeUart();
            var receiver = new NmeaGnssReceiver(2000);
            var feed = new SerialGnssFeed(uart, receiver);
            uart.Arrive(Nmea.Bytes(Nmea.Sentence(Rmc)));

            Assert.AreEqual(1, feed.Poll(5000));
            Assert.AreEqual(0, uart.BytesToRead);
            var fix = new PositionFix();
            Assert.IsTrue(receiver.TryGetFix(6999, fix), "fresh for fixMaxAgeMs after the poll that fed it");
            Assert.IsFalse(receiver.TryGetFix(7001, fix));
        }

        [TestMethod]
        public static void A_large_backlog_is_read_in_chunks_of_at_most_the_buffer_size()
        {
            var uart = new FakeUart();
            var feed = new SerialGnssFeed(uart, new NmeaGnssReceiver(2000));
            string text = "";
            for (int i = 0; i < 10; i++)
            {
                text += Nmea.Sentence(Rmc);
            }

            uart.Arrive(Nmea.Bytes(text));
            Assert.AreEqual(10, feed.Poll(0));
            Assert.IsTrue(uart.LargestRequest <= SerialGnssFeed.ChunkBytes);
            Assert.IsTrue(uart.Reads >= text.Length / SerialGnssFeed.ChunkBytes);
        }

        [TestMethod]
        public static void A_sentence_split_across_polls_is_accepted_once_complete()
        {
            var uart = new FakeUart();
            var feed = new SerialGnssFeed(uart, new NmeaGnssReceiver(2000));
            byte[] bytes = Nmea.Bytes(Nmea.Sentence(Rmc));
            var head = new byte[20];
            var tail = new byte[bytes.Length - 20];
            Array.Copy(bytes, head, 20);
            Array.Copy(bytes, 20, tail, 0, tail.Length);

            uart.Arrive(head);
            Assert.AreEqual(0, feed.Poll(100));
            uart.Arrive(tail);
            Assert.AreEqual(1, feed.Poll(200));
        }

        [TestMethod]
        public static void An_empty_line_is_not_read_and_a_read_returning_nothing_ends_the_poll()
        {
            var uart = new FakeUart();
            var feed = new SerialGnssFeed(uart, new NmeaGnssReceiver(2000));
            Assert.AreEqual(0, feed.Poll(0));
            Assert.AreEqual(0, uart.Reads);

            uart.Arrive(Nmea.Bytes(Nmea.Sentence(Rmc)));
            uart.ReturnNothing = true;
            Assert.AreEqual(0, feed.Poll(0));
            Assert.AreEqual(1, uart.Reads, "no spinning on a line that reports bytes it does not deliver");
        }

        [TestMethod]
        public static void Refuses_a_missing_uart_or_receiver()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SerialGnssFeed(null, new NmeaGnssReceiver(2000)));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SerialGnssFeed(new FakeUart(), null));
        }
    }
}
