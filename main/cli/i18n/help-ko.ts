/**
 * Korean `--help`: each command's description and each option's, keyed "command" and "command --option" (the
 * program itself is "mobility-setup"). The English stays next to the code that declares the option; a test fails
 * when a command or option has no Korean here, or a key here names none.
 */
export const HELP_KO: Readonly<Record<string, string>> = {
  'mobility-setup': 'Mobility 서비스(재해 복구 복제 에이전트)를 설치, 등록하고 문제를 해결합니다.',
  'mobility-setup --version': '버전 번호를 출력합니다',
  'mobility-setup --root': '모든 시스템 경로 앞에 붙는 루트(테스트와 데모용 샌드박스)',
  'mobility-setup --json': '텍스트 대신 기계가 읽는 JSON을 출력합니다',
  'mobility-setup --lang': '텍스트 출력의 언어(기본값: LC_ALL/LC_MESSAGES/LANG에서 정함)',
  serve: '브라우저용 마법사를 127.0.0.1에서 제공합니다(다른 컴퓨터에서는 SSH 터널을 사용하세요)',
  'serve --port': '127.0.0.1의 포트(0이면 빈 포트를 고름)',
  'serve --installer-dir': 'Mobility 서비스 설치 관리자가 있는 폴더(마법사에 미리 입력)',
  'serve --cs-endpoint': '구성 서버 주소(마법사에 미리 입력)',
  'serve --data-port': '프로세스 서버의 데이터 포트(마법사에 미리 입력)',
  'serve --demo': '데모 세션(미리 입력되어 있어 안전하게 눌러 볼 수 있음)',
  'serve --inactivity-timeout': '공급업체 설치 관리자/구성 도구가 이 시간 동안 출력이 없으면 종료합니다(기본값 900)',
  'serve --verbose': '각 요청(메서드, 경로, 상태; 쿼리 문자열은 제외)을 stderr에 출력합니다',
  open: '설치 마법사를 엽니다(Electron 창; Electron을 쓸 수 없으면 브라우저 호스트)',
  'open --installer-dir': 'Mobility 서비스 설치 관리자가 있는 폴더를 미리 입력합니다',
  'open --cs-endpoint': '구성 서버 주소를 미리 입력합니다',
  'open --data-port': '프로세스 서버 데이터 포트를 미리 입력합니다(기본값 9443)',
  'open --demo': '세션을 데모로 표시합니다(마법사가 그렇게 알려 줌)',
  'open --port': '대체 브라우저 호스트의 포트(0이면 빈 포트를 고름; 기본값: `serve`와 같음)',
  detect: 'OS, 설치 관리자 토큰, 지원 여부, 권한, 설치된 에이전트와 디스크 여유 공간을 확인합니다',
  install: 'Mobility 서비스를 자동으로 설치하고 구성 서버 또는 어플라이언스에 등록합니다',
  'install --installer-dir':
    '필수: Microsoft-ASR_UA_<버전>_<OS>_GA_<날짜>_release.tar.gz(또는 Windows .exe)가 있는 폴더',
  'install --install-dir': '에이전트 설치 폴더(기본값: 공급업체 기본값, Linux에서는 /usr/local/ASR)',
  'install --cs-endpoint': '클래식: 구성 서버 주소',
  'install --passphrase-file': '클래식: genpassphrase.exe -v로 만든 암호가 들어 있는 파일',
  'install --config-file': '현대화: 복제 어플라이언스에서 내려받은 config.json',
  'install --no-register': '설치만 하고 나중에 `mobility-setup register`로 등록합니다(--server-kind 필요)',
  'install --server-kind':
    '--no-register와 함께: classic(구성 서버, -c CSLegacy) 또는 modernized(복제 어플라이언스, -c CSPrime)',
  'install --data-port': '연결 확인에 쓸 프로세스 서버 데이터 포트(기본값 9443)',
  'install --inactivity-timeout': '공급업체 설치 관리자/구성 도구가 이 시간 동안 출력이 없으면 종료합니다(기본값 900)',
  'install --yes': '확인을 묻지 않습니다',
  'install --ignore-pending-restart':
    '시스템 다시 시작이 보류 중이어도 설치합니다(공급업체 설치 관리자가 그래도 거부할 수 있음: 62)',
  'install --verbose': '공급업체 도구의 출력 줄을 stderr에 출력합니다',
  register: '설치된 Mobility 서비스를 구성 서버(클래식) 또는 복제 어플라이언스(현대화)에 등록합니다',
  'register --cs-endpoint': '클래식: 구성 서버 주소',
  'register --passphrase-file': '클래식: genpassphrase.exe -v로 만든 암호가 들어 있는 파일',
  'register --config-file': '현대화: 복제 어플라이언스에서 내려받은 config.json',
  'register --inactivity-timeout': '구성 도구가 이 시간 동안 출력이 없으면 종료합니다(기본값 900)',
  'register --yes': '확인을 묻지 않습니다',
  'register --verbose': '구성 도구의 출력 줄을 stderr에 출력합니다',
  uninstall: 'Mobility 서비스를 제거합니다(이 서버의 복제가 중지됨; 먼저 포털에서 복제를 사용하지 않도록 설정)',
  'uninstall --inactivity-timeout': '제거 프로그램이 이 시간 동안 출력이 없으면 종료합니다(기본값 900)',
  'uninstall --yes': '확인을 묻지 않습니다',
  'uninstall --verbose': '제거 프로그램의 출력 줄을 stderr에 출력합니다',
  helper: '내부용: 앱을 위해 검사된 공급업체 작업 하나를 높은 권한으로 실행합니다',
  'helper --request': 'Mobility Setup이 쓴 요청 파일',
  'av-check':
    '바이러스 백신 검사 프로그램이 Mobility 서비스의 폴더를 제외하는지 확인합니다. --fix는 가능한 곳에 제외를 추가합니다',
  'av-check --fix':
    'Mobility Setup이 할 수 있는 모든 수정(ClamAV, Defender for Endpoint, Microsoft Defender)을 적용합니다. ' +
    '루트로 실행하거나 관리자 암호 확인 창을 거칩니다',
  'av-check --yes': '수정하기 전에 묻지 않습니다',
  'av-check --install-dir':
    '기본값이 아닐 때 에이전트 폴더(/usr/local/ASR; Windows: C:\\Program Files (x86)\\Microsoft Azure Site Recovery)',
  diagnose: '상태, 연결, 푸시 설치 준비 상태와 최근 공급업체 오류의 설명; --out은 번들을 씁니다',
  'diagnose --cs-endpoint': '에이전트가 사용해야 할 구성 서버(기본값: 에이전트가 가리키는 서버)',
  'diagnose --out': '진단 번들(tar.gz, 비밀 정보 가림)을 이 새 파일에 씁니다',
};

/** commander's own words in the help screens. */
export const HELP_WORDS_KO = {
  'Usage:': '사용법:',
  'Options:': '옵션:',
  'Commands:': '명령:',
  'Arguments:': '인수:',
  'Global Options:': '전역 옵션:',
  help: '명령의 도움말을 표시합니다',
  helpCommand: '명령의 도움말을 표시합니다',
  default: '기본값',
  choices: '선택',
} as const;

/** Korean meanings of the install/register/uninstall exit codes (CLI_EXIT_CODES; a test checks every code). */
export const EXIT_MEANINGS_KO: Readonly<Record<number, string>> = {
  0: '성공. "할 일 없음"도 포함(같은 버전이 설치되어 같은 서버에 등록되어 있어 아무것도 바꾸지 않음)',
  1: '실패(공급업체 코드 1, 또는 더 구체적인 코드가 없는 실패)',
  2: '잘못된 명령줄 또는 입력(옵션, 서버 주소, 암호 파일, 구성 파일, 경로의 제어 문자); 공급업체 2도 같은 뜻',
  3: '공급업체: 잘못된 인수',
  10: '공급업체: 잘못된 설치 위치',
  11: '설치된 버전에서의 업그레이드가 지원되지 않음: 네 버전 넘게 차이 남(실행 전에 단계별 경로와 함께 확인), 또는 공급업체의 11',
  13: '공급업체: 에이전트가 이미 다른 구성 서버를 가리킴',
  14: '공급업체: 잘못된 암호 또는 구성 서버 엔드포인트',
  15: '다운그레이드 거부: 더 새 에이전트가 설치되어 있음(실행 전에 확인; 공급업체 15)',
  16: '공급업체: .NET Framework 없음(Windows)',
  17: '공급업체: 등록 실패',
  41: '공급업체: 설치 관리자의 다른 인스턴스가 실행 중',
  42: '이 OS는 지원되지 않음(실행 전에 확인; 공급업체 42)',
  43: '공급업체: 에이전트 서비스를 중지할 수 없음',
  44: '공급업체: 에이전트 서비스를 시작할 수 없음',
  62: '시스템 다시 시작이 보류 중(--ignore-pending-restart가 없으면 설치 전에 확인; 공급업체 62)',
  64: '다른 전제 조건이 충족되지 않음',
  70: 'Mobility Setup 내부 오류',
  71: '--installer-dir에 이 OS용 설치 관리자가 없음(또는 폴더가 없음)',
  72:
    '설치 관리자가 체크섬 파일과 맞지 않거나(체크섬 파일에 없거나), 다른 사용자가 넣었거나 바꿨을 수 있거나' +
    '(파일이나 폴더의 소유자 또는 모드), Windows 서명이 공급업체의 것이 아니거나, 아카이브가 안전하지 않거나 손상됨; ' +
    '아무것도 실행하지 않음',
  73: '구성 서버에 연결할 수 없음(설치 전에 확인)',
  74: '루트/관리자가 아니고 권한을 높일 방법이 없음(sudo로 실행)',
  75: '디스크 여유 공간이 부족함',
  76: '공급업체 도구는 성공을 보고했지만 에이전트 상태가 그렇지 않음',
  77: 'register: 에이전트가 설치되어 있지 않음',
  97: '공급업체: 오류와 함께 완료됨',
  98: '경고와 함께 성공(공급업체 98)',
  99: '공급업체: 전제 조건 검사 실패',
  124: '설치 관리자 또는 구성 도구가 --inactivity-timeout초 동안 아무것도 출력하지 않아 종료됨',
  1602: '취소됨(Ctrl+C, SIGTERM, SIGHUP, 닫힌 출력 파이프, 또는 암호 확인 창을 닫음); MSI 1602',
  1603: '공급업체/MSI: 설치 중 치명적 오류',
  1618: '공급업체/MSI: 다른 설치가 진행 중',
  1641: '성공. 설치 관리자가 다시 시작을 요구함(필수; 공급업체 1641)',
  3010: '성공. 다시 시작하는 것이 좋음(공급업체 3010)',
};

export const EXIT_HEADING_KO = '종료 코드:';

export const AV_EXIT_HELP_KO = `
종료 코드:
     0  찾은 모든 검사 프로그램이 에이전트 폴더를 제외함(또는 실시간 검사를 하지 않거나, 검사 프로그램이 없음)
     1  수정을 시도했지만 실패함
     2  잘못된 명령줄
    74  --fix에는 루트(Windows에서는 관리자) 권한이 필요함: 암호 확인 창을 띄울 수 없었거나 응답이 없었음;
        아무것도 변경하지 않음
    78  검사 프로그램이 폴더를 제외하지 않음
    79  검사 프로그램의 제외 항목을 읽을 수 없음(콘솔에서 관리되거나 권한이 높지 않음)
  1602  (Linux에서는 66) 확인을 거절함; 아무것도 변경하지 않음
`;

export const DIAGNOSE_EXIT_HELP_KO =
  '\n종료 코드:\n   0  빨간 항목 없음\n   2  잘못된 명령줄(또는 --out이 이미 있는 파일을 가리킴)\n  80  빨간 항목이 있음\n';
