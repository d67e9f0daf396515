using System;
using System.Text;
using PodFirmware.Drivers.Gnss;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Drivers.Gnss
{
    /// <summary>The receiver is fed from the control tick, so parsing must allocate nothing: the nanoFramework GC stops the world.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class NmeaParserAllocationTests
    {
        [Fact]
        public void Feeding_a_thousand_sentences_allocates_zero_bytes()
        {
            string burst =
                NmeaParserPropertyTests.Sentence("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,")
                + NmeaParserPropertyTests.Sentence("GNRMC,123519,A,3352.1280,S,15112.5580,W,022.4,084.4,230394,003.1,W,A")
                + NmeaParserPropertyTests.Sentence("GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00")
                + "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*00\r\n"
                + NmeaParserPropertyTests.Sentence("GLRMC,123520,V,,,,,,,230394,,");
            byte[] bytes = Encoding.ASCII.GetBytes(burst);
            var receiver = new NmeaGnssReceiver(5000);
            var fix = new PositionFix();
            receiver.Feed(bytes, 0, bytes.Length, 0);
            receiver.TryGetFix(0, fix);

            long before = AllocationWindow.Begin();
            int accepted = 0;
            int valid = 0;
            for (int i = 0; i < 200; i++)
            {
                // Five sentences per burst, fed in two uneven pieces as a UART read would deliver them.
                accepted += receiver.Feed(bytes, 0, 100, i * 1000);
                accepted += receiver.Feed(bytes, 100, bytes.Length - 100, i * 1000);
                valid += receiver.TryGetFix(i * 1000, fix) ? 1 : 0;
            }

            long allocated = AllocationWindow.End(before);

            Assert.Equal(600, accepted);
            Assert.Equal(0, valid);
            Assert.Equal(201, receiver.Parser.SentencesRejected);
            Assert.Equal(201, receiver.Parser.SentencesIgnored);
            Assert.Equal(0, allocated);
        }
    }
}
