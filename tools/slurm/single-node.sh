#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, as root: munge + slurmctld + slurmd (used by
# .ci/run for Search/SlurmTests; idempotent: running daemons are left alone).
# Verified on Debian 12 (slurm-wlm 22.05.8, munge 0.5.15) on these 2-core machines:
#   apt-get install -y slurm-wlm munge && bash slurm-single-node.sh
#   sbatch --array=0-3%2 --wrap 'echo task $SLURM_ARRAY_TASK_ID' -o /tmp/t-%A_%a.out
# ran all four array tasks. Accounting storage is off here, so `sacct` has nothing to say;
# read task states with `squeue`/`scontrol show job`, and results from the files tasks write.
set -e
h=$(hostname)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
[ -f /etc/munge/munge.key ] || (mungekey -c 2>/dev/null || create-munge-key -f)
chown -R munge:munge /etc/munge 2>/dev/null || true
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=$h
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
NodeName=$h CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$h Default=YES MaxTime=INFINITE State=UP
CONF
pgrep -x munged >/dev/null || (mkdir -p /run/munge && chown munge:munge /run/munge && su -s /bin/sh munge -c /usr/sbin/munged)
pgrep -x slurmctld >/dev/null || slurmctld
pgrep -x slurmd >/dev/null || slurmd
sleep 3; sinfo
