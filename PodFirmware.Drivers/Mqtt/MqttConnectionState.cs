using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The life of an <see cref="MqttLinkEngine"/> and of its current connection: started once; each
    /// connection attempt opens a new session number; an accepted connection is up until it is lost (a
    /// client report of the current session, or a failed client call) or closed; a requested stop ends in
    /// stopped. Also keeps why the link last failed and the last CONNACK code.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: the engine reads and changes it under its lock only. It makes no client calls and
    /// decides no timing; the engine does both.
    /// </remarks>
    public sealed class MqttConnectionState
    {
        private bool _started;
        private bool _stopRequested;
        private bool _stopped;
        private bool _connected;
        private int _session;
        private bool _lost;
        private bool _open;
        private string _lastError;
        private int _lastConnectResult = -1;

        /// <summary><c>true</c> once <see cref="Start"/> succeeded.</summary>
        public bool IsStarted
        {
            get { return _started; }
        }

        /// <summary><c>true</c> once <see cref="RequestStop"/> succeeded.</summary>
        public bool IsStopRequested
        {
            get { return _stopRequested; }
        }

        /// <summary><c>true</c> once the stop was carried out (<see cref="MarkStopped"/>).</summary>
        public bool IsStopped
        {
            get { return _stopped; }
        }

        /// <summary><c>true</c> from <see cref="Accept"/> (unless the connection was lost before) until it is lost, closed or stopped.</summary>
        public bool IsConnected
        {
            get { return _connected; }
        }

        /// <summary>Whether the current connection was reported or found broken; cleared by the next <see cref="BeginAttempt"/>.</summary>
        public bool IsLost
        {
            get { return _lost; }
        }

        /// <summary>Whether a connection (attempt) is open, so that a report of its loss is news.</summary>
        public bool IsOpen
        {
            get { return _open; }
        }

        /// <summary>The number of the current (or last) connection attempt, 0 before the first.</summary>
        public int Session
        {
            get { return _session; }
        }

        /// <summary>Why the link last failed (null when nothing failed yet); not cleared by a later success.</summary>
        public string LastError
        {
            get { return _lastError; }
        }

        /// <summary>The last CONNACK code, -1 while none has arrived.</summary>
        public int LastConnectResult
        {
            get { return _lastConnectResult; }
        }

        /// <summary>Whether a publish may be queued: connected and no stop requested.</summary>
        public bool AcceptsPublishes
        {
            get { return _connected && !_stopRequested; }
        }

        /// <summary>Marks the link started.</summary>
        /// <exception cref="InvalidOperationException">It was started before.</exception>
        public void Start()
        {
            ThrowIfStarted();
            _started = true;
        }

        /// <summary>Throws when the link was started before.</summary>
        /// <exception cref="InvalidOperationException">It was started before.</exception>
        public void ThrowIfStarted()
        {
            if (_started)
            {
                throw new InvalidOperationException("MQTT link already started");
            }
        }

        /// <summary>Asks for a stop; <c>false</c> (nothing changes) when not started or already asked.</summary>
        public bool RequestStop()
        {
            if (!_started || _stopRequested)
            {
                return false;
            }

            _stopRequested = true;
            return true;
        }

        /// <summary>The stop was carried out: stopped and no longer connected.</summary>
        public void MarkStopped()
        {
            _stopped = true;
            _connected = false;
        }

        /// <summary>A new connection attempt: a new session number (returned), not lost, open.</summary>
        public int BeginAttempt()
        {
            _session++;
            _lost = false;
            _open = true;
            return _session;
        }

        /// <summary>Whether <paramref name="session"/> is the current connection's number.</summary>
        public bool IsCurrent(int session)
        {
            return session == _session;
        }

        /// <summary>Records the code of a CONNACK.</summary>
        public void RecordConnack(int code)
        {
            _lastConnectResult = code;
        }

        /// <summary>The accepted connection has sent its subscriptions: connected, unless it was lost meanwhile.</summary>
        public void Accept()
        {
            if (!_lost)
            {
                _connected = true;
            }
        }

        /// <summary>The current connection broke (a client call failed): lost, not connected, <paramref name="reason"/> recorded.</summary>
        public void Lose(string reason)
        {
            _lost = true;
            _connected = false;
            _lastError = reason;
        }

        /// <summary>
        /// The client reports connection <paramref name="session"/> gone: as <see cref="Lose"/> and <c>true</c>
        /// when that is the current, open, not yet lost connection; otherwise nothing changes and <c>false</c>.
        /// </summary>
        public bool ReportLost(int session, string reason)
        {
            if (session != _session || _lost || !_open)
            {
                return false;
            }

            Lose(reason);
            return true;
        }

        /// <summary>The connection is being closed: what the client reports about it from now on is no longer news.</summary>
        public void Close()
        {
            _connected = false;
            _open = false;
        }

        /// <summary>Records <paramref name="message"/> as <see cref="LastError"/> without changing the connection.</summary>
        public void Fail(string message)
        {
            _lastError = message;
        }
    }
}
