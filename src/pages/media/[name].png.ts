import { mediaPaths, serveMedia } from '../../lib/media/media-route';

export const getStaticPaths = () => mediaPaths('png');
export const GET = serveMedia;
