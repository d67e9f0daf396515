using nanoFramework.TestFramework;
using PodFirmware.Json;
using PodFirmware.Core.Site;

namespace PodFirmware.Tests.Core.Site
{
    /// <summary>The load message: what one pod writes, another reads into its table; malformed messages are dropped.</summary>
    [TestClass]
    public class SiteLoadJsonTests
    {
        [TestMethod]
        public static void A_written_load_is_read_into_the_table()
        {
            SiteLoadJson json = new SiteLoadJson();
            JsonWriter w = json.Write("pod-abcdefghijklmnopqrstuvwxyz-01", SitePodState.Paused, 10000, 160, 159, 999999);
            Assert.IsTrue(w.Length <= SiteLoadJson.MaxBytes);
            Assert.IsFalse(w.Overflowed);
            SiteShare share = new SiteShare(new SiteConfig(), "me", 30000);
            SiteLoadJson reader = new SiteLoadJson();
            Assert.IsTrue(reader.Read(w.Buffer, w.Length, share, 42));
            Assert.IsTrue(reader.Read(w.Buffer, w.Length, share, 43)); // known id: updated in place
            Assert.AreEqual(2, share.Table.Count);
            int i = share.Table.IndexOf("pod-abcdefghijklmnopqrstuvwxyz-01");
            Assert.IsTrue(i >= 0);
        }

        [TestMethod]
        [DataRow("{\"id\":\"a\",\"s\":3,\"maxA\":1,\"allowedA\":1,\"drawA\":1}")]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":-1,\"allowedA\":1,\"drawA\":1}")]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":1001,\"allowedA\":1,\"drawA\":1}")]
        [DataRow("{\"id\":7,\"s\":1,\"maxA\":1,\"allowedA\":1,\"drawA\":1}")]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":1,\"allowedA\":1}")]
        [DataRow("{\"id\":\"a\"")]
        public static void A_malformed_load_is_dropped(string payload)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(payload);
            SiteShare share = new SiteShare(new SiteConfig(), "me", 30000);
            Assert.IsFalse(new SiteLoadJson().Read(bytes, bytes.Length, share, 0));
            Assert.AreEqual(1, share.Table.Count);
        }

        [TestMethod]
        public static void The_own_message_back_marks_the_site_as_seen()
        {
            SiteConfig c = new SiteConfig();
            c.FallbackShareA = 0;
            SiteShare share = new SiteShare(c, "me", 30000);
            SiteLoadJson json = new SiteLoadJson();
            JsonWriter w = json.Write("me", SitePodState.Active, 320, 0, 0, 0);
            for (long t = 0; t <= 10000; t += 5000)
            {
                Assert.IsTrue(json.Read(w.Buffer, w.Length, share, t));
            }

            share.Update(10000, SitePodState.Active, 320, 0, 0);
            Assert.IsFalse(share.Isolated);
            Assert.AreEqual(320, share.ShareDa);
        }
    }
}
