/** The connectivity test's details in Korean (see connectivity-texts.ts); typed by the English codes. */
import type { TextTemplates } from './coded-text';
import type { ConnectivityTextCode } from './connectivity-texts';

const ANSWERED = '{{host}}:{{port}}이(가) 응답했습니다. TCP {{tcpMs}}ms, {{protocol}} {{tlsMs}}ms.';

export const connectivityTextsKo: TextTemplates<ConnectivityTextCode> = {
  'probe.dns.ip': '{{host}}은(는) IP 주소이므로 이름 조회가 필요 없습니다.',
  'probe.dns.ok': '{{host}}의 이름을 {{ms}}ms 만에 {{addresses}}(으)로 확인했습니다.',
  'probe.dns.fail': '{{host}}의 이름을 확인할 수 없습니다({{error}}). 이름과 DNS를 확인하거나 IP 주소를 사용하세요.',
  'probe.tcp.control':
    '{{host}}:{{port}}이(가) {{ms}}ms 후에도 연결을 받지 않았습니다({{error}}). 이 컴퓨터에서 구성 서버로 TCP ' +
    '{{port}}을(를) 여세요("(7) Couldn\'t connect to server").',
  'probe.tcp.data':
    '{{host}}:{{port}}이(가) {{ms}}ms 후에도 연결을 받지 않았습니다({{error}}). 복제 데이터를 위해 프로세스 ' +
    '서버로 TCP {{port}}을(를) 여세요.',
  'probe.tls.silent':
    '{{host}}:{{port}}이(가) 연결은 받았지만 {{timeoutMs}}ms 안에 TLS 핸드셰이크에 응답하지 않았습니다. 중간의 ' +
    '무언가(프록시나 검사 방화벽)가 붙잡고 있거나 이 서버가 아닙니다.',
  'probe.tls.failed':
    '{{host}}:{{port}}과(와)의 TLS 핸드셰이크에 실패했습니다({{error}}). 두 컴퓨터 모두 TLS 1.2가 켜져 있는지 ' +
    '확인하세요.',
  'probe.answered.noCertificate': `${ANSWERED} 서버가 인증서를 보내지 않았습니다.`,
  'probe.answered.expired': `${ANSWERED} 인증서가 {{validTo}}에 만료되었습니다("(60) Peer certificate"). 구성 서버에서 인증서를 갱신하세요.`,
  'probe.answered.notYetValid': `${ANSWERED} 인증서는 {{validFrom}}부터 유효합니다. 시계를 확인하세요.`,
  'probe.answered.private': `${ANSWERED} 자체 서명되었거나 사설 발급된 인증서입니다(구성 서버에서는 일반적).`,
  'probe.answered.trusted': `${ANSWERED} 신뢰할 수 있는 인증서입니다.`,
};
