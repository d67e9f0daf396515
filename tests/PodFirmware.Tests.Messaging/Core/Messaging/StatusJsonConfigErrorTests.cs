using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;

namespace PodFirmware.Tests.Core.Messaging
{
    /// <summary>The status names a config problem as configError only while the pod runs on built-in defaults.</summary>
    [TestClass]
    public class StatusJsonConfigErrorTests
    {
        [TestMethod]
        public static void A_config_error_is_written_after_the_self_test_and_absent_otherwise()
        {
            var config = new PodConfig();
            var s = new PodStatus();
            var w = new JsonWriter(2048);
            StatusJson.Write(w, s, config);
            Assert.DoesNotContains("configError", w.ToString());

            s.ConfigError = "podId: given twice (the loader would keep only the last)";
            w.Reset();
            StatusJson.Write(w, s, config);
            Assert.IsTrue(w.IsComplete);
            Assert.Contains("\"selfTestFailed\":null,\"configError\":\"podId: given twice (the loader would keep only the last)\",\"warnings\":", w.ToString());
        }
    }
}
