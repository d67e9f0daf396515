using System;
using System.Threading;
using nanoFramework.Networking;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// The board's Wi-Fi station (stored credentials, automatic reconnection) and SNTP client, as the
    /// portable NetworkStartup and MessagingLoopCore use them. Boot thread, then the messaging thread.
    /// </summary>
    public sealed class NetworkServices : IWifiStation, INetworkTime
    {
        private string _failure = "";

        /// <inheritdoc />
        public string FailureText { get { return _failure; } }

        /// <inheritdoc />
        public bool IsStarted { get { return Sntp.IsStarted; } }

        /// <inheritdoc />
        public bool Connect(int timeoutMs)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
            bool up = WifiNetworkHelper.Reconnect(false, 0, timeout.Token);
            Exception cause = WifiNetworkHelper.HelperException;
            _failure = up ? "" : String.Concat(WifiNetworkHelper.Status.ToString(), cause == null ? "" : String.Concat(", ", cause.Message));
            return up;
        }

        /// <inheritdoc />
        public void Start()
        {
            Sntp.Start();
        }

        /// <inheritdoc />
        public void UpdateNow()
        {
            Sntp.UpdateNow();
        }
    }
}
