using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Core.Boot
{
    /// <summary>A Wi-Fi station and SNTP client in memory, counting calls; each can be made to fail.</summary>
    public sealed class FakeNetwork : IWifiStation, INetworkTime
    {
        public bool WifiUp = true;
        public bool WifiThrows;
        public bool SntpStartThrows;
        public bool SntpRunning;
        public int Connects;
        public int LastTimeoutMs;
        public int SntpStarts;
        public int SntpUpdates;

        public string FailureText
        {
            get { return WifiUp ? "" : "no AP"; }
        }

        public bool IsStarted
        {
            get { return SntpRunning; }
        }

        public bool Connect(int timeoutMs)
        {
            Connects++;
            LastTimeoutMs = timeoutMs;
            if (WifiThrows)
            {
                throw new InvalidOperationException("radio gone");
            }

            return WifiUp;
        }

        public void Start()
        {
            SntpStarts++;
            if (SntpStartThrows)
            {
                throw new InvalidOperationException("no SNTP");
            }

            SntpRunning = true;
        }

        public void UpdateNow()
        {
            SntpUpdates++;
        }
    }
}
