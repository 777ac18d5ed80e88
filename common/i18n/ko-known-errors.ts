/**
 * The known vendor errors of common/known-errors.ts in Korean (knownError.<id>.meaning / .action). Keyed by the
 * table's ids; test/unit/renderer/catalogs.test.ts fails when an id of the table is missing here.
 */
export const koKnownErrors: Record<string, { meaning: string; action: string }> = {
  curl7: {
    meaning: '이 컴퓨터에서 구성 서버의 포트 443으로 TCP 연결을 열 수 없습니다.',
    action: '이 컴퓨터에서 구성 서버로 TCP 443을 여세요(방화벽, NSG, 프록시). 구성 서버가 실행 중인지도 확인하세요.',
  },
  curl60: {
    meaning: '구성 서버의 TLS 인증서가 받아들여지지 않았습니다(만료되었거나 TLS 설정이 잘못됨).',
    action: '연결 테스트에서 인증서 만료일을 확인하고, 만료되었으면 구성 서버에서 갱신하세요.',
  },
  curl6: {
    meaning: '이 컴퓨터에서 구성 서버 이름을 확인할 수 없습니다.',
    action: '이름과 이 컴퓨터의 DNS 설정을 확인하거나 구성 서버의 IP 주소를 사용하세요.',
  },
  curl28: {
    meaning: '구성 서버가 제때 응답하지 않았습니다. 방화벽이 패킷을 버리거나 서버가 꺼져 있습니다.',
    action: '연결 테스트를 실행하고 이 컴퓨터에서 서버로 TCP 443(데이터는 9443)을 여세요.',
  },
  curl35: {
    meaning:
      'TLS 핸드셰이크에 실패했습니다. 두 컴퓨터가 공통 TLS 버전을 쓰지 않습니다(한쪽에서 TLS 1.0을 끈 경우가 많음).',
    action: '두 컴퓨터 모두에서 TLS 1.2를 켜고(Windows에서는 .NET의 강력한 암호화도) 다시 등록하세요.',
  },
  kernel: {
    meaning: '이 에이전트 버전은 이 컴퓨터에서 실행 중인 커널을 지원하지 않습니다.',
    action: '지원 매트릭스에 있는 배포판 기본 커널로 부팅하거나, 이 커널을 지원하는 에이전트 버전을 사용하세요.',
  },
  differentServer: {
    meaning: '에이전트가 이미 다른 구성 서버에 등록되어 있습니다(종료 코드 13, drscout.conf의 Hostname).',
    action: '다른 서버에서 등록을 해제(또는 제거)하거나, 에이전트가 이미 사용하는 서버에 등록하세요.',
  },
  passphrase: {
    meaning: '암호 또는 구성 서버 주소가 받아들여지지 않았습니다(종료 코드 14).',
    action: '구성 서버에서 암호를 생성하고(genpassphrase.exe -v > MobSvc.passphrase) 주소를 확인하세요.',
  },
  unsupportedOs: {
    meaning: '이 에이전트 버전은 이 운영 체제를 지원하지 않습니다(종료 코드 42).',
    action: '지원 매트릭스를 확인하고 이 OS용으로 빌드된 설치 관리자를 사용하세요(detect가 토큰을 보여 줍니다).',
  },
  rebootPending: {
    meaning: '시스템 다시 시작이 보류 중이어서 설치 관리자가 멈췄습니다(종료 코드 62).',
    action: '컴퓨터를 다시 시작한 다음 다시 설치하세요.',
  },
  anotherInstance: {
    meaning: '이 컴퓨터에서 다른 설치가 실행 중입니다.',
    action: '끝날 때까지 기다리거나 종료한 다음 다시 시도하세요.',
  },
  notRoot: {
    meaning: '공급업체 도구가 root(관리자) 권한 없이 실행되었습니다.',
    action: 'root(sudo) 또는 관리자로 실행하세요.',
  },
  vss: {
    meaning: 'VSS 공급자 호출에 실패했습니다. 에이전트 폴더에 대한 바이러스 백신 실시간 검사가 알려진 원인입니다.',
    action: '에이전트 폴더를 실시간 검사에서 제외한 다음(바이러스 백신 확인이 방법을 알려 줍니다) 다시 시도하세요.',
  },
  upgradeUnsupported: {
    meaning: '설치된 버전에서의 업데이트는 지원되지 않습니다(종료 코드 11).',
    action: '한 번에 최대 4개 부 버전씩 업데이트하거나, 에이전트를 제거한 다음 이 버전을 설치하세요.',
  },
  downgrade: {
    meaning: '더 새로운 에이전트가 이미 설치되어 있어 다운그레이드가 거부됩니다(종료 코드 15).',
    action: '같거나 더 새로운 버전의 설치 관리자를 사용하거나, 먼저 에이전트를 제거하세요.',
  },
};
