using System;
using System.Collections.Generic;
using PodFirmware.Json;
using PodFirmware.Core.Site;

namespace PodFirmware.Host.Tests.Core.Site
{
    /// <summary>
    /// Many pods of one site in one process, each with its own <see cref="SiteShare"/> fed only by the load messages
    /// (<see cref="SiteLoadJson"/> bytes) a broker passes on one tick later: QoS 0 over TCP, so a message reaches every
    /// connected pod or, when the sender loses it, none. A pod's session offers its share, 0 while paused, as the
    /// controller does. Virtual time only.
    /// </summary>
    public sealed class SiteSimulation
    {
        /// <summary>Tick of every pod, ms.</summary>
        public const int TickMs = 250;

        /// <summary>The site's heartbeat period, ms.</summary>
        public const int HeartbeatMs = 2000;

        private readonly SiteConfig _config;
        private readonly List<Pod> _pods = new List<Pod>();
        private List<byte[]> _inFlight = new List<byte[]>();
        private List<byte[]> _next = new List<byte[]>();

        /// <summary>A site of <paramref name="capacityDa"/> (dA per phase) with sharing period <paramref name="periodMs"/>.</summary>
        public SiteSimulation(int capacityDa, int periodMs, int maxPods, int forgetAfterMs)
        {
            _config = new SiteConfig { Enabled = true, CapacityA = capacityDa / 10, PeriodMs = periodMs, FallbackShareA = 6, MaxPods = maxPods, ForgetAfterMs = forgetAfterMs };
            CapacityDa = capacityDa;
        }

        /// <summary>Virtual time, ms.</summary>
        public long NowMs { get; private set; }

        /// <summary>The capacity the controller announces now, dA.</summary>
        public int CapacityDa { get; private set; }

        /// <summary>Messages the broker passed on (one per publication).</summary>
        public long Messages { get; private set; }

        /// <summary>Every pod ever joined (absent ones included).</summary>
        public IReadOnlyList<Pod> Pods => _pods;

        /// <summary>A new pod joins (connected, no session); returns its index.</summary>
        public int Join(int maxDa)
        {
            var pod = new Pod("pod-" + _pods.Count.ToString("D4"), new SiteShare(_config, "pod-" + _pods.Count.ToString("D4"), 3L * HeartbeatMs), maxDa);
            _pods.Add(pod);
            return _pods.Count - 1;
        }

        /// <summary>Changes the capacity the controller's heartbeat announces.</summary>
        public void SetCapacity(int capacityDa) => CapacityDa = capacityDa;

        /// <summary>Sum of every present pod's offer, dA.</summary>
        public int OfferedSumDa()
        {
            int sum = 0;
            foreach (Pod p in _pods)
            {
                sum += p.Present ? p.OfferDa : 0;
            }

            return sum;
        }

        /// <summary>One tick of every pod: deliver last tick's messages, heartbeat when due, update shares, publish what is due.</summary>
        public void Tick()
        {
            NowMs += TickMs;
            (_inFlight, _next) = (_next, _inFlight);
            _next.Clear();
            bool beat = NowMs % HeartbeatMs == 0;
            foreach (Pod p in _pods)
            {
                if (!p.Present || !p.Connected)
                {
                    continue;
                }

                foreach (byte[] m in _inFlight)
                {
                    p.Json.Read(m, m.Length, p.Share, NowMs);
                }

                if (beat)
                {
                    p.Share.OnPolicy(CapacityDa, 50, 80, NowMs);
                }
            }

            foreach (Pod p in _pods)
            {
                if (!p.Present)
                {
                    continue;
                }

                SitePodState state = !p.Session ? SitePodState.Idle : p.OfferDa > 0 ? SitePodState.Active : SitePodState.Paused;
                p.Share.Update(NowMs, state, p.MaxDa, p.OfferDa, p.OfferDa);
                p.OfferDa = p.Session ? Math.Min(p.Share.ShareDa, p.MaxDa) : 0;
                if (p.Share.OwnVersion != p.PublishedVersion || NowMs - p.PublishedMs >= _config.PeriodMs)
                {
                    p.PublishedVersion = p.Share.OwnVersion;
                    p.PublishedMs = NowMs;
                    if (p.Connected && p.DropNext == 0)
                    {
                        JsonWriter w = p.Json.Write(p.Id, p.Share.OwnState, p.Share.OwnMaxDa, p.Share.OwnAllowedDa, p.Share.OwnDrawDa, 0);
                        byte[] copy = new byte[w.Length];
                        Array.Copy(w.Buffer, copy, w.Length);
                        _next.Add(copy);
                        Messages++;
                    }
                    else if (p.DropNext > 0)
                    {
                        p.DropNext--;
                    }
                }
            }
        }

        /// <summary>One pod of the simulation.</summary>
        public sealed class Pod
        {
            internal Pod(string id, SiteShare share, int maxDa)
            {
                Id = id;
                Share = share;
                MaxDa = maxDa;
            }

            /// <summary>Pod id.</summary>
            public string Id { get; }

            /// <summary>Its sharing state.</summary>
            public SiteShare Share { get; }

            /// <summary>Its own codec.</summary>
            public SiteLoadJson Json { get; } = new SiteLoadJson();

            /// <summary>Its own limit, dA.</summary>
            public int MaxDa { get; set; }

            /// <summary>Still on the site.</summary>
            public bool Present { get; set; } = true;

            /// <summary>Its link to the broker is up.</summary>
            public bool Connected { get; set; } = true;

            /// <summary>A session runs.</summary>
            public bool Session { get; set; }

            /// <summary>What it offers the EV, dA.</summary>
            public int OfferDa { get; set; }

            /// <summary>Publications still to lose.</summary>
            public int DropNext { get; set; }

            internal int PublishedVersion = -1;
            internal long PublishedMs;

            /// <summary>Starts a session when the site allows it; false when refused (site_full).</summary>
            public bool TryStart()
            {
                if (Session || !Present || !Share.StartAllowed)
                {
                    return false;
                }

                Session = true;
                return true;
            }
        }
    }
}
