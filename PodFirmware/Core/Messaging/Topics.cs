namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// The pod's MQTT topic names (docs/mqtt.md), built once at boot from the pod and site ids
    /// so publishing allocates no strings.
    /// </summary>
    public sealed class Topics
    {
        /// <summary>Builds every topic for <paramref name="podId"/> on <paramref name="siteId"/>.</summary>
        public Topics(string podId, string siteId)
        {
            Availability = "pods/" + podId + "/availability";
            Status = "pods/" + podId + "/status";
            Telemetry = "pods/" + podId + "/telemetry";
            Alarm = "pods/" + podId + "/alarm";
            SiteAlarm = "site/" + siteId + "/alarm";
            Events = "pods/" + podId + "/events";
            All = "pods/" + podId + "/#";
            Session = "pods/" + podId + "/session";
            Command = "pods/" + podId + "/cmd";
            CommandResult = "pods/" + podId + "/cmd/result";
            Heartbeat = "site/" + siteId + "/heartbeat";
            SiteLoad = "site/" + siteId + "/load";
            Move = "pods/" + podId + "/move";
            PodBeat = Heartbeat + "/pods";
            Authorize = "pods/" + podId + "/authorize";
        }

        /// <summary><c>pods/{podId}/availability</c>: retained "online"/"offline" (the Last Will).</summary>
        public string Availability { get; private set; }

        /// <summary><c>pods/{podId}/status</c>: retained status JSON.</summary>
        public string Status { get; private set; }

        /// <summary><c>pods/{podId}/telemetry</c>: measurements, every second while charging, every 30 s otherwise.</summary>
        public string Telemetry { get; private set; }

        /// <summary><c>pods/{podId}/alarm</c>: this pod's alarms, QoS 1.</summary>
        public string Alarm { get; private set; }

        /// <summary><c>site/{siteId}/alarm</c>: the mesh-wide alarm topic every pod and phone hears, QoS 1.</summary>
        public string SiteAlarm { get; private set; }

        /// <summary><c>pods/{podId}/events</c>: every other event (relay, trip, ...), QoS 0.</summary>
        public string Events { get; private set; }

        /// <summary><c>pods/{podId}/#</c>: everything this pod publishes, for a technician's subscriber.</summary>
        public string All { get; private set; }

        /// <summary><c>pods/{podId}/session</c>: one record per finished charging session, QoS 1.</summary>
        public string Session { get; private set; }

        /// <summary><c>pods/{podId}/cmd</c>: signed commands in (the pod subscribes, QoS 1).</summary>
        public string Command { get; private set; }

        /// <summary><c>pods/{podId}/cmd/result</c>: exactly one result per command received, QoS 1.</summary>
        public string CommandResult { get; private set; }

        /// <summary><c>site/{siteId}/heartbeat</c>: the site controller's heartbeat in (the pod subscribes, QoS 0).</summary>
        public string Heartbeat { get; private set; }

        /// <summary><c>site/{siteId}/load</c>: every pod's load, for site power sharing (QoS 0, not retained).</summary>
        public string SiteLoad { get; private set; }

        /// <summary><c>pods/{podId}/move</c>: the move records (audit of each move), QoS 1, store-first.</summary>
        public string Move { get; private set; }
        /// <summary><c>site/{siteId}/heartbeat/pods</c>: every pod's own heartbeat (breath frame) to the controller (QoS 0, not retained).</summary>
        public string PodBeat { get; private set; }

        /// <summary><c>pods/{podId}/authorize</c>: a card read at the pod asks the back end for a start (QoS 1, not retained).</summary>
        public string Authorize { get; private set; }
    }
}
