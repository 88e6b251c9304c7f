import { listTeams } from '../api/leaders';
import { Screen } from '../components/screen';
import { Empty, RemoteView } from '../components/status';
import { TargetsEditor } from '../components/targets-editor';
import { TeamCard } from '../components/team-card';
import { useRemote } from '../state/use-remote';

export function TeamPage() {
  const teams = useRemote('teams', listTeams);
  return (
    <Screen title="Quản lý tổ">
      <RemoteView remote={teams}>
        {({ teams: list }) =>
          list.length === 0 ? (
            <Empty>Bạn chưa quản lý tổ nào.</Empty>
          ) : (
            <ul className="plain-list">
              {list.map((team) => (
                <TeamCard key={team.id} team={team} onChanged={teams.reload} />
              ))}
            </ul>
          )
        }
      </RemoteView>
      <TargetsEditor />
    </Screen>
  );
}
